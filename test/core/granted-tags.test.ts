import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/interaction/request.ts';
import { consoleAdmin, useCore } from '../support/core-harness.ts';

const h = useCore();
let ana: Actor;
let vipTask: number;
let canvassTask: number;

async function createTask(options: string): Promise<number> {
  const reply = await h.say(consoleAdmin, `/task create ${options} notify:off`);
  const id = /#(\d+)/.exec(h.text(reply))?.[1];
  if (!id) throw new Error(`no task created: ${h.text(reply)}`);
  return Number(id);
}

async function queued(audience: string): Promise<string> {
  return h.text(await h.say(consoleAdmin, `/broadcast message:"Hello" audience:${audience}`));
}

beforeAll(async () => {
  ana = await h.volunteer('300', 'ana');
  await h.volunteer('301', 'vic');
  await h.say(consoleAdmin, '/tag add @vic vip');
  await h.say(consoleAdmin, '/tag add @ana canvassers');
  vipTask = await createTask('title:"Backstage pass" tag:vip');
  canvassTask = await createTask('title:"Door knocking" tag:canvassers slots:2');
  await h.say(ana, '/profile set skills:vip,phoning');
});

describe('skills a volunteer declares are not tags an organizer grants', () => {
  it('keeps the tag an organizer gave when the volunteer changes her skills', async () => {
    const profile = h.text(await h.say(ana, '/profile'));
    expect(profile).toContain('Skills: phoning, vip');
    expect(profile).toContain('Tags from organizers: canvassers');
    expect(h.text(await h.say(ana, `/task claim ${canvassTask}`))).toContain(
      `Task #${canvassTask} is yours`,
    );
  });

  it('refuses a task restricted to a tag she only declared herself', async () => {
    expect(h.text(await h.say(ana, `/task claim ${vipTask}`))).toContain(
      `Task #${vipTask} is for supporters tagged "vip".`,
    );
    expect(h.text(await h.say(ana, '/tasks'))).not.toContain('Backstage pass');
  });

  it('leaves her out of a broadcast to a tag she only declared herself', async () => {
    expect(await queued('tag:vip')).toContain('Recipients queued: 1.');
    expect(await queued('tag:phoning')).toContain(
      'Nobody registered and reachable is in tag:phoning, so nothing was sent.',
    );
    expect(await queued('tag:canvassers')).toContain('Recipients queued: 1.');
  });

  it('clears her skills with none, not the tags organizers gave', async () => {
    await h.say(ana, '/profile set skills:none');
    const profile = h.text(await h.say(ana, '/profile'));
    expect(profile).toContain('Skills: none');
    expect(profile).toContain('Tags from organizers: canvassers');
  });
});
