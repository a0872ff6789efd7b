import { expect } from '@jest/globals';
import { RuleViolation } from '@convene/event-store';

/** How a stream's state is folded from its events. */
export interface Fold<S, E> {
  initial: () => S;
  evolve: (state: S, event: E) => S;
}

export const foldAll = <S, E>(fold: Fold<S, E>, events: E[]): S => events.reduce(fold.evolve, fold.initial());

/**
 * given(past events).when(command).then(new events) for a pure decide function, or
 * .thenRejects('RuleName') when the command must be refused by that named rule.
 */
export function specification<C, S, E, R>(fold: Fold<S, E>, decide: (command: C, state: S) => R) {
  return {
    given: (...history: E[]) => ({
      when: (command: C) => {
        const run = () => decide(command, foldAll(fold, history));
        return {
          then: (expected: R) => expect(run()).toEqual(expected),
          thenRejects: (rule: string, details?: Record<string, unknown>) => {
            let error: unknown;
            try {
              run();
            } catch (e) {
              error = e;
            }
            expect(error).toBeInstanceOf(RuleViolation);
            expect((error as RuleViolation).rule).toBe(rule);
            if (details) expect((error as RuleViolation).details).toMatchObject(details);
          },
        };
      },
    }),
  };
}
