## Оформление заказа, шаг 1: email

order-ask-email =
    Оформляем заказ: <b>{ $title }</b>.

    Укажите email для связи — на него придут детали заказа.
order-ask-email-saved =
    Оформляем заказ: <b>{ $title }</b>.

    Укажите email для связи или используйте сохранённый: { $email }
order-btn-use-email = Использовать { $email }
order-email-invalid = «{ $input }» не похоже на email. Пример: name@example.com. Попробуйте ещё раз.
order-email-too-long = Слишком длинный адрес: в email не больше { $max } символов. Проверьте его и отправьте ещё раз.
order-already-started = Заказ уже оформляется: укажите email в сообщении ниже.

## Шаг 2: промокод

order-ask-promo = Есть промокод? Отправьте его сообщением или нажмите «Без промокода».
order-btn-skip-promo = Без промокода
order-promo-unknown = Промокод «{ $code }» не найден.
order-promo-inactive = Промокод «{ $code }» отключён.
order-promo-expired = Срок действия промокода «{ $code }» истёк.
order-promo-not-for-product = Промокод «{ $code }» не действует на эту услугу.
order-promo-used-up = Промокод «{ $code }» уже израсходован.
order-promo-already-used-by-you = Вы уже использовали промокод «{ $code }».
order-promo-retry = Отправьте другой код или нажмите «Без промокода».

## Шаг 3: сводка и подтверждение

order-summary =
    <b>Проверьте заказ</b>

    Услуга: <b>{ $title }</b>
    Цена: { $price }
    { $discountLine }
    <b>Итого: { $final }</b>
    Email: { $email }
    Срок выполнения: { $deadline }
order-summary-discount = Скидка: −{ $discount } (промокод { $code })
order-summary-no-discount = Скидка: нет
order-btn-confirm = ✅ Подтвердить
order-confirm-hint = Нажмите «Подтвердить» или «Отменить» под сводкой заказа.
order-price-changed = ⚠️ Цена услуги изменилась. Проверьте заказ ещё раз.
order-placed =
    🎉 Заказ <b>№{ $id }</b> оформлен!
    Ожидаем исполнителя — мы сообщим, когда заказ возьмут в работу. Ваши заказы — /orders.
order-already-placed = Заказ №{ $id } уже оформлен.

## Любой шаг: ответ не текстом, отмена, устаревшее оформление

order-text-expected = Пришлите ответ текстом.
order-btn-cancel = ✖️ Отменить
order-dialog-cancelled = Оформление заказа отменено, ничего не сохранено.
order-product-gone = Эта услуга больше недоступна. Посмотрите другие в /catalog.
order-interrupted = ⏸ Оформление заказа «{ $title }» отложено. Чтобы продолжить, нажмите кнопку ниже.
order-interrupted-gone = Заказ не оформлен: эта услуга больше недоступна.
order-btn-resume = 🛒 Продолжить оформление
order-dialog-outdated = Это оформление уже завершено. Начните заново в /catalog.
