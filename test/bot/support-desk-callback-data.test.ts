import { describe, expect, it } from 'vitest';
import {
  allowedWhileWaiting,
  rateTicket,
  withdrawTicket,
} from '../../src/bot/features/support/callback-data.js';
import {
  redirectTicket,
  takeTicket,
  ticketList,
  toggleNotifications,
} from '../../src/bot/features/tickets/callback-data.js';

describe('support desk callback data', () => {
  it('keeps the wire formats of buttons already sent', () => {
    expect(takeTicket.pack({ ticket: 7 })).toBe('tk:t:7');
    expect(ticketList.pack({ tab: 'open', page: 0 })).toBe('tk:l:o:0');
    expect(toggleNotifications.pack({ tab: 'work', page: 2 })).toBe('tk:n:w:2');
    expect(redirectTicket.pack({ ticket: 4, agent: 9 })).toBe('tk:rt:4:9');
    expect(withdrawTicket.pack({ ticket: 5 })).toBe('sup:w:5');
    expect(rateTicket.pack({ ticket: 5, stars: 3 })).toBe('sup:rt:5:3');
  });

  it('reads a tab only from its one-letter code', () => {
    expect(ticketList.unpack('tk:l:c:3')).toEqual({ tab: 'closed', page: 3 });
    expect(ticketList.unpack('tk:l:closed:3')).toBeUndefined();
    expect(ticketList.unpack('tk:l:constructor:0')).toBeUndefined();
  });

  it('lets only Withdraw and the rating through while a ticket is open', () => {
    expect(allowedWhileWaiting('sup:w:5')).toBe(true);
    expect(allowedWhileWaiting('sup:rt:5:3')).toBe(true);
    expect(allowedWhileWaiting('sup:wx:5')).toBe(false);
    expect(allowedWhileWaiting('tk:t:5')).toBe(false);
    expect(allowedWhileWaiting('cat:p:1')).toBe(false);
  });
});
