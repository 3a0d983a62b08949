## /admin → Выгрузка: CSV-файлы для таблиц

admin-btn-export = 📤 Выгрузка
export-menu =
    <b>📤 Выгрузка</b>
    Что выгрузить в таблицу? Придёт CSV-файл — он открывается в Excel, Numbers и Google Таблицах.
export-kind-orders = 🧾 Заказы
export-kind-customers = 👥 Клиенты
export-kind-tickets = 🎧 Обращения в поддержку
export-period = <b>{ $kind }</b>: за какой период?
export-btn-days = { $days } дней
export-btn-all = За всё время
export-btn-custom = 📅 Другие даты
export-ask-dates = Пришлите период двумя датами, например <code>01.11.2026–30.11.2026</code>. Оба дня входят в период.
export-bad-dates = Не получилось разобрать даты. Пришлите две даты, сначала более раннюю, например <code>01.11.2026–30.11.2026</code>.
export-wait = Готовлю файл…
export-done = { $kind } · { $period } · строк: { $rows }
export-period-all = за всё время
export-yes = да
export-no = нет

export-col-order = Заказ
export-col-ticket = Обращение
export-col-created = Создан
export-col-customer = Клиент
export-col-username = Имя пользователя
export-col-telegram-id = Telegram ID
export-col-email = Email
export-col-product = Услуга
export-col-price = Цена
export-col-promo = Промокод
export-col-discount = Скидка
export-col-total = Итого
export-col-state = Статус
export-col-taken = Взят в работу
export-col-done = Выполнен
export-col-cancelled = Отменён
export-col-language = Язык
export-col-registered = Зарегистрирован
export-col-last-seen = Был в боте
export-col-orders = Заказов
export-col-ads = Получает рекламу
export-col-blocked = Заблокировал бота
export-col-problem = Вопрос
export-col-agent = Сотрудник
export-col-time-to-take = Минут до взятия
export-col-time-to-close = Минут до закрытия
export-col-rating = Оценка

export-order-created = новый
export-order-in-work = в работе
export-order-done = выполнен
export-order-cancelled = отменён
export-ticket-created = ожидает
export-ticket-in-work = в работе
export-ticket-closed = закрыто
export-col-payment = Оплата
export-col-paid = Оплачено
export-col-paid-currency = Валюта оплаты
export-col-paid-at = Дата оплаты
export-payment-unpaid = не оплачен
export-payment-deposit = внесена предоплата
export-payment-paid = оплачен
export-payment-refund-requested = ждёт возврата
export-payment-refunded = деньги возвращены
