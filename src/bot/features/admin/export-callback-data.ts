import { callbackData, field } from '../../callback-data.js';

/**
 * Callback data of the CSV exports (`adx`, guarded by `adminSection('adx')`): the menu, one
 * export's period choice, and an export of a period (`cu`: the admin types the dates).
 */
const kind = () => field.oneOf('o', 'c', 't');
export const exportMenu = callbackData('adx:menu', {});
export const exportKind = callbackData('adx:k', { kind: kind() });
export const exportRun = callbackData('adx:r', {
  kind: kind(),
  period: field.oneOf('7', '30', '90', 'all', 'cu'),
});
