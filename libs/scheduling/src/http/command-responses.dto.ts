import { ApiProperty } from '@nestjs/swagger';

export class CommandAcceptedDto {
  @ApiProperty({ description: 'Id of the series or consultation' }) id: string;
  @ApiProperty({ description: 'Stream version after the command (also the ETag)' }) version: number;
}

export class SessionCommandAcceptedDto extends CommandAcceptedDto {
  @ApiProperty() sessionId: string;
}
