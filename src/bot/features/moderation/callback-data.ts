import { callbackData, field } from '../../callback-data.js';

/**
 * Callback data of bans (`adb:…`, an admin section: refused for anyone but owners and admins
 * before a handler runs). A button names what was pressed; every handler re-reads the user and the
 * ban and re-checks that the target is not one of the studio's people.
 */

/** The "Banned" list, one page: `adb:l:<page>`. */
export const banList = callbackData('adb:l', { page: field.int(0, 9999) });
/** "Ban someone": asks for a Telegram id or @username. */
export const banSomeone = callbackData('adb:n', {});
/** "🚫 Ban" on a ticket or order card: `adb:b:<users.id>`. */
export const banUser = callbackData('adb:b', { user: field.id() });
/** The ban's duration in days (0: for good). */
export const banDuration = callbackData('adb:d', { days: field.oneOf('1', '7', '30', '0') });
/** Confirms the ban the dialog describes. */
export const banConfirm = callbackData('adb:y', {});
/** Leaves the ban dialog. */
export const banCancel = callbackData('adb:x', {});
/** Lifts a ban and redraws the list page: `adb:u:<ban>:<page>`. */
export const banLift = callbackData('adb:u', { ban: field.id(), page: field.int(0, 9999) });
