import type { StoredMessage } from '../../src/sandbox/emulator/index.js';
import { type Harness, startHarness, type TestUser, textOf } from '../helpers/harness.js';

/** Shared steps of the admin-panel end-to-end tests (the harness's owner, Russian texts). */

/** Starts the harness and lets its first owner start the bot (the greeting is read, so it is not a reply). */
export async function startWithOwner(): Promise<{ h: Harness; owner: TestUser }> {
  const h = await startHarness();
  const owner = h.owners[0];
  if (!owner) throw new Error('the harness has no owner');
  owner.send('/start');
  await owner.reply();
  return { h, owner };
}

/**
 * /admin → the section button `button`; resolves with the panel message once it is edited in place into the
 * section's screen (its text contains `heading`).
 */
export async function openAdminSection(
  person: TestUser,
  button: string,
  heading: string,
): Promise<StoredMessage> {
  person.send('/admin');
  const menu = await person.reply('Панель администратора');
  await person.press(menu, button);
  return person.waitFor((m) => m.message_id === menu.message_id && textOf(m).includes(heading));
}
