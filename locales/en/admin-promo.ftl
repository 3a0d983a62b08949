## Promo codes: the list

admin-promos = <b>🏷 Promo codes</b> ({ $total } in total)
    Code · discount · used/limit. 🚫 — disabled.
admin-promos-empty = <b>🏷 Promo codes</b>
    No promo codes yet — create the first one.
admin-promo-btn-new = ➕ New promo code

## Promo codes: a code

admin-promo-view =
    <b>🏷 Promo code</b>
    { $details }
    Status: { $status }
admin-promo-details =
    Code: <code>{ $code }</code>
    Discount: { $discount }
    Service: { $product }
    Valid until: { $expires }
    Used: { $uses } of { $max }
    Per customer: { $perUser }
admin-promo-all-products = All services
admin-promo-no-expiry = no expiry
admin-promo-active = active
admin-promo-disabled = 🚫 disabled
admin-promo-btn-edit-code = ✏️ Code
admin-promo-btn-edit-value = 💸 Discount
admin-promo-btn-edit-product = 🛍 Service
admin-promo-btn-edit-expiry = 📅 Expiry
admin-promo-btn-edit-max = 🔢 Limit
admin-promo-btn-edit-peruser = 👤 Per customer
admin-promo-btn-disable = 🚫 Disable
admin-promo-btn-enable = ✅ Enable
admin-promo-enabled = Promo code enabled
admin-promo-was-disabled = Promo code disabled
admin-promo-gone = This promo code no longer exists.

## Promo codes: wizard and field-edit questions

admin-promo-ask-code = Send the code: 3–32 characters — Latin letters, digits, “-” and “_”. Letter case does not matter.
admin-promo-ask-value = Send the discount: a percentage such as <code>15%</code> (1–100%), or a fixed amount in roubles such as <code>500</code>.
admin-promo-ask-product = Which service is the code for?
admin-promo-ask-expiry = Until which date (inclusive) does the code work? E.g. 31.12.2026.
admin-promo-btn-skip-expiry = No expiry
admin-promo-btn-clear-expiry = Remove the expiry
admin-promo-ask-max = How many times in all can the code be used? A whole number above 0.
admin-promo-btn-skip-max = No limit
admin-promo-btn-clear-max = Remove the limit
admin-promo-ask-peruser = How many times can one customer use the code? A whole number above 0.
admin-promo-btn-skip-peruser = Once (default)
admin-promo-bad-date = I couldn't read that date. Please write it as DD.MM.YYYY, e.g. 31.12.2026.
admin-promo-past-date = That date has already passed — please give a future one.

## Promo codes: refused values

admin-promo-error-code-invalid = That code will not work: it needs 3 to 32 characters, Latin letters, digits, “-” and “_” only.
admin-promo-error-code-taken = This code already exists (letter case does not matter).
admin-promo-error-value-invalid = I couldn't read that discount. Use a percentage from 1 to 100 (e.g. 15%) or an amount in roubles above 0 (e.g. 500).
admin-promo-error-max-uses-invalid = The limit must be a whole number above 0 and not below the number of uses already made.
admin-promo-error-per-user-limit-invalid = The per-customer limit must be a whole number from 1 to { 1000000 }.
admin-promo-error-expires-invalid = The expiry date is not valid.
admin-promo-error-product-unknown = This service no longer exists — choose another.

## Promo codes: summary and save

admin-promo-summary =
    <b>Check the promo code</b>
    { $details }
admin-promo-saved = Saved
admin-promo-created = ✅ Promo code { $code } created.
admin-promo-updated = ✅ Promo code updated.

## Promo codes: deletion

admin-promo-delete-confirm =
    Delete the promo code <code>{ $code }</code>?
    Orders that used it keep their discount.
admin-promo-deleted = Promo code deleted
