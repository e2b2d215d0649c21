import { describe, expect, it } from 'vitest';
import { defineWorkflow, withRoute } from './define-workflow';

const actor = { permission: 'x.review', level: 'own' } as const;

describe('defineWorkflow', () => {
  it('accepts a consistent machine and keeps its literal names', () => {
    const machine = defineWorkflow({
      id: 'x',
      label: '示例',
      initial: 'open',
      states: { open: { label: '办理中', deadline: { workingDays: 5, onExpire: 'lapse' } }, done: { label: '办结', final: true } },
      transitions: {
        close: { from: ['open'], to: 'done', label: '办结', actor },
        lapse: { from: ['open'], to: 'done', label: '逾期', automatic: true },
      },
    });
    const initial: 'open' | 'done' = machine.initial;
    expect(initial).toBe('open');
    // Names are checked by the compiler (each call below would not compile without its directive) and again at start-up.
    expect(() =>
      defineWorkflow({
        id: 'y',
        label: '示例',
        // @ts-expect-error an undeclared initial state
        initial: 'opne',
        states: { open: { label: '办理中' }, done: { label: '办结', final: true } },
        transitions: { close: { from: ['open'], to: 'done', label: '办结', actor } },
      }),
    ).toThrow(/initial state opne/);
    expect(() =>
      defineWorkflow({
        id: 'y',
        label: '示例',
        initial: 'open',
        states: { open: { label: '办理中' }, done: { label: '办结', final: true } },
        // @ts-expect-error a transition to an undeclared state
        transitions: { close: { from: ['open'], to: 'dnoe', label: '办结', actor } },
      }),
    ).toThrow(/undeclared state dnoe/);
    // @ts-expect-error a route naming a transition the machine does not have
    expect(() => withRoute(machine, { clsoe: actor })).toThrow(/clsoe/);
  });

  it('refuses at start-up what the types cannot see', () => {
    const base = {
      id: 'x',
      label: '示例',
      initial: 'open' as const,
      states: { open: { label: '办理中' }, done: { label: '办结', final: true } },
    };
    expect(() =>
      defineWorkflow({
        ...base,
        states: { ...base.states, open: { label: '办理中', notice: { workingDays: 5, onEnd: 'close' } } },
        transitions: { close: { from: ['open'], to: 'done', label: '办结', actor } },
      }),
    ).toThrow(/notice of state open must name an automatic transition/);
    expect(() =>
      defineWorkflow({ ...base, transitions: { lapse: { from: ['open'], to: 'done', label: '逾期', automatic: true } } }),
    ).toThrow(/automatic transition lapse is fired by no notice or deadline/);
    expect(() =>
      defineWorkflow({ ...base, transitions: { reopen: { from: ['done'], to: 'open', label: '重办', actor } } }),
    ).toThrow(/leaves final state done/);
    expect(() =>
      defineWorkflow({
        ...base,
        states: { ...base.states, open: { label: '办理中', deadline: { workingDays: 2.5, onExpire: 'lapse' } } },
        transitions: { lapse: { from: ['open'], to: 'done', label: '逾期', automatic: true } },
      }),
    ).toThrow(/positive whole number of working days/);
    expect(() =>
      defineWorkflow({
        ...base,
        states: { ...base.states, open: { label: '办理中', deadline: { workingDays: 2, onExpire: 'lapse' } } },
        transitions: { lapse: { from: ['done'], to: 'open', label: '逾期', automatic: true } },
      }),
    ).toThrow(/does not leave state open|leaves final state/);
    expect(() => defineWorkflow({ ...base, transitions: { close: { from: ['open'], to: 'done', label: '办结', actor: [] } } })).toThrow(/no actor rule/);
  });
});
