## Панель администратора: вход и меню

admin-refused = Панель администратора доступна только владельцам и администраторам.
admin-menu =
    <b>⚙️ Панель администратора</b>
    Выберите раздел.
admin-btn-products = 🛍 Услуги
admin-btn-promo = 🏷 Промокоды
admin-btn-orders = 📦 Заказы
admin-btn-staff = 👥 Сотрудники
admin-btn-stats = 📊 Статистика
admin-btn-ads = 📣 Реклама

## Общие кнопки разделов

admin-btn-back = ◀ Назад
admin-btn-cancel = ✖ Отмена
admin-btn-delete = 🗑 Удалить
admin-btn-confirm-delete = 🗑 Да, удалить
admin-yes = да
admin-no = нет

## Мастера (товар, промокод): общие ответы

admin-wizard-need-text = Ответьте, пожалуйста, текстом.
admin-wizard-use-buttons = Воспользуйтесь кнопками под последним сообщением.
admin-wizard-btn-save = 💾 Сохранить
admin-wizard-cancelled = Отменено
