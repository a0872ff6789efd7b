import { LocalDate, ReasonDto } from '../http/shared.dto.js';

export class PostponeConsultationDto extends ReasonDto {
  @LocalDate('New first day', '2019-02-07')
  startDate: string;

  @LocalDate('New last day, included', '2019-02-07')
  endDate: string;
}
