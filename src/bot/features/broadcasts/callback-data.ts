import type { CampaignKind } from '../../../db/schema/index.js';
import { CAMPAIGNS } from '../../../services/campaigns.js';
import { callbackData, type Field, field } from '../../callback-data.js';

/**
 * Every button of the advertising section (`bc:`). The wire formats are the ones of earlier versions,
 * so buttons already in admins' chats keep working — except the language audience, which has its
 * own family (`bc:al`) because a codec has no optional field.
 */

/** A two-letter language code, as the audience picker offers them. */
const language: Field<string> = {
  parse: (raw) => (/^[a-z]{2}$/.test(raw) ? raw : undefined),
  format(value) {
    if (!/^[a-z]{2}$/.test(value)) throw new RangeError(`not a language code: ${value}`);
    return value;
  },
  widest: 'zz',
};

const page = () => field.int(0, 9999);
const campaign = () => field.oneOf<CampaignKind>(...CAMPAIGNS);

// Section menu and drafts
export const menuData = callbackData('bc:menu', {});
export const newDraftData = callbackData('bc:new', {});
export const draftData = callbackData('bc:d', { draft: field.id() });
export const previewData = callbackData('bc:pv', { draft: field.id() });
export const newTextData = callbackData('bc:tx', { draft: field.id() });
export const addUrlButtonData = callbackData('bc:bu', { draft: field.id() });
export const productPickerData = callbackData('bc:bp', { draft: field.id(), page: page() });
export const addProductButtonData = callbackData('bc:bpp', { draft: field.id(), product: field.id() });
export const clearButtonsData = callbackData('bc:bx', { draft: field.id() });
export const audiencePickerData = callbackData('bc:au', { draft: field.id() });
export const setAudienceData = callbackData('bc:as', {
  draft: field.id(),
  kind: field.oneOf('all', 'customers', 'no_orders', 'abandoned'),
});
export const setLanguageAudienceData = callbackData('bc:al', { draft: field.id(), language });
/** "Also post to the channel" switched on (1) or off (0) on the audience step. */
export const channelToggleData = callbackData('bc:ch', { draft: field.id(), on: field.oneOf('0', '1') });
export const schedulePickerData = callbackData('bc:sc', { draft: field.id() });
export const setScheduleData = callbackData('bc:ss', {
  draft: field.id(),
  kind: field.oneOf('now', 'once', 'daily', 'weekly', 'cron'),
});
export const confirmScreenData = callbackData('bc:ok', { draft: field.id() });
export const confirmData = callbackData('bc:go', { draft: field.id() });
export const deleteDraftData = callbackData('bc:del', { draft: field.id() });

// The list, statistics and run control
export const listData = callbackData('bc:list', { page: page() });
export const viewData = callbackData('bc:v', { broadcast: field.id() });
/** The statistics button of the progress message (same screen as `bc:v`). */
export const statsData = callbackData('bc:stats', { broadcast: field.id() });
export const unscheduleData = callbackData('bc:unsch', { broadcast: field.id() });
export const runControlData = {
  pause: callbackData('bc:pause', { run: field.id() }),
  resume: callbackData('bc:resume', { run: field.id() }),
  cancel: callbackData('bc:cancel', { run: field.id() }),
} as const;
export type RunAction = keyof typeof runControlData;

// Automatic campaigns
export const campaignsData = callbackData('bc:auto', {});
export const campaignData = callbackData('bc:ac', { campaign: campaign() });
export const toggleCampaignData = callbackData('bc:at', { campaign: campaign() });
export const campaignDelayData = callbackData('bc:ad', { campaign: campaign() });
export const campaignTextData = callbackData('bc:ax', { campaign: campaign() });
export const campaignDefaultTextData = callbackData('bc:ar', { campaign: campaign() });
export const winbackDiscountData = callbackData('bc:ap', {});
