import { LocalDateTime } from '../http/shared.dto.js';

export class OpenRegistrationDto {
  @LocalDateTime('Last moment to register', '2019-01-17T18:00')
  deadline: string;
}
