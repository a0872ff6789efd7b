import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RegistrationBooks } from '../book/registration-books.js';
import { CheckIn, UndoCheckIn } from './check-in.command.js';
import { decideCheckIn, decideUndoCheckIn } from './check-in.decide.js';

@CommandHandler(CheckIn)
export class CheckInHandler implements ICommandHandler<CheckIn> {
  constructor(private readonly books: RegistrationBooks) {}

  async execute({ input }: CheckIn) {
    return this.books.decide(input.consultationId, input.meta, (ctx) => decideCheckIn(input, ctx));
  }
}

@CommandHandler(UndoCheckIn)
export class UndoCheckInHandler implements ICommandHandler<UndoCheckIn> {
  constructor(private readonly books: RegistrationBooks) {}

  async execute({ input }: UndoCheckIn) {
    return this.books.decide(input.consultationId, input.meta, (ctx) => decideUndoCheckIn(input, ctx));
  }
}
