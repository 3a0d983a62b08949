## Admin panel: entry and menu

admin-refused = The admin panel is for owners and administrators only.
admin-menu =
    <b>⚙️ Admin panel</b>
    Choose a section.
admin-btn-products = 🛍 Services
admin-btn-promo = 🏷 Promo codes
admin-btn-orders = 📦 Orders
admin-btn-staff = 👥 Staff
admin-btn-stats = 📊 Statistics
admin-btn-ads = 📣 Advertising

## Buttons shared by the sections

admin-btn-back = ◀ Back
admin-btn-cancel = ✖ Cancel
admin-btn-delete = 🗑 Delete
admin-btn-confirm-delete = 🗑 Yes, delete
admin-yes = yes
admin-no = no

## Wizards (product, promo code): shared answers

admin-wizard-need-text = Please answer with text.
admin-wizard-use-buttons = Please use the buttons under the last message.
admin-wizard-btn-save = 💾 Save
admin-wizard-cancelled = Cancelled
