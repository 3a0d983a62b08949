import { callbackData, field } from '../../callback-data.js';

/** Callback data of /admin → Settings (`adg`, guarded by `adminSection('adg')`; owners only). */
export const alertSettings = callbackData('adg:menu', {});
/** An alert switched on (1) or off (0): invite used, order cancelled, low rating, broadcast finished. */
export const alertToggle = callbackData('adg:t', {
  event: field.oneOf('i', 'o', 'r', 'b'),
  on: field.oneOf('0', '1'),
});
