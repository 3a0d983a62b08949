import { RESUBSCRIBE_DATA, UNSUBSCRIBE_DATA } from '../../../jobs/ad-message.js';
import { callbackData, field } from '../../callback-data.js';

/** /settings: news and offers `on` or `off`. */
export const setNews = callbackData('nws:set', { to: field.oneOf('on', 'off') });

/** "Unsubscribe from news" under every ad; the ad sender (a job) writes this data itself. */
export const unsubscribeFromAd = callbackData(UNSUBSCRIBE_DATA, {});

/** "Subscribe again", which replaces "Unsubscribe" under the ad it was pressed on. */
export const resubscribeFromAd = callbackData(RESUBSCRIBE_DATA, {});
