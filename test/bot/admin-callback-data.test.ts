import { describe, expect, it } from 'vitest';
import * as admin from '../../src/bot/features/admin/callback-data.js';
import { CALLBACK_DATA_MAX_BYTES } from '../../src/telegram/limits.js';

const codecs = Object.values(admin);

describe('admin panel callback data', () => {
  it('every codec fits Telegram’s 64 bytes at its widest', () => {
    for (const codec of codecs)
      expect(Buffer.byteLength(codec.widestPayload()), codec.prefix).toBeLessThanOrEqual(
        CALLBACK_DATA_MAX_BYTES,
      );
  });

  it('keeps the wire formats of the buttons already sent', () => {
    expect(admin.productEdit.pack({ product: 12, field: 'p' })).toBe('adp:e:12:p');
    expect(admin.promoActive.pack({ promo: 3, on: '0' })).toBe('adc:on:3:0');
    expect(admin.ordersCard.pack({ order: 7, state: 'c', page: 1 })).toBe('ado:v:7:c:1');
    expect(admin.staffSetRole.pack({ member: 7_000_000_001, role: 'a' })).toBe('ads:role:7000000001:a');
    expect(admin.adminMenu.pack({})).toBe('adm:menu');
  });

  it('takes Telegram ids wider than int4 and refuses ids past the safe integers', () => {
    expect(admin.staffMember.unpack('ads:v:7000000001')).toEqual({ member: 7_000_000_001 });
    expect(admin.staffMember.unpack('ads:v:9007199254740993')).toBeUndefined();
    expect(admin.staffMember.unpack('ads:v:0')).toBeUndefined();
    expect(admin.staffMember.unpack('ads:v:12345678901234567890')).toBeUndefined();
  });

  it('refuses a product id past int4 and a field outside its list', () => {
    expect(admin.productView.unpack('adp:v:2147483648')).toBeUndefined();
    expect(admin.productEdit.unpack('adp:e:1:z')).toBeUndefined();
    expect(admin.productDelete.filter.test('adp:dely:1')).toBe(false);
  });
});
