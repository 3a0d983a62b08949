## Оформление заказа, шаг 1: email

order-ask-email =
    Оформляем заказ: <b>{ $title }</b>.

    Укажите email для связи — на него придут детали заказа.
order-ask-email-saved =
    Оформляем заказ: <b>{ $title }</b>.

    Укажите email для связи или нажмите кнопку, чтобы оставить прежний: { $email }
order-btn-use-email = Оставить { $email }
order-email-invalid = Кажется, в адресе «{ $input }» ошибка. Email выглядит так: name@example.com.
order-email-too-long = Слишком длинный адрес: в email не больше { $max } символов. Проверьте его и отправьте ещё раз.
order-already-started = Заказ уже оформляется: укажите email в сообщении ниже.

## Шаг 2: промокод

order-ask-promo = Есть промокод? Отправьте его сообщением. Если нет — нажмите «Без промокода».
order-btn-skip-promo = Без промокода
order-promo-unknown = Промокод «{ $code }» не найден.
order-promo-inactive = Промокод «{ $code }» отключён.
order-promo-expired = Срок действия промокода «{ $code }» истёк.
order-promo-not-for-product = Промокод «{ $code }» не действует на эту услугу.
order-promo-used-up = Промокод «{ $code }» уже израсходован.
order-promo-already-used-by-you = Вы уже использовали промокод «{ $code }».
order-promo-retry = Можно отправить другой промокод или нажать «Без промокода».

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
order-confirm-hint = Чтобы оформить заказ, нажмите «Подтвердить» под сводкой; передумали — «Отменить».
order-price-changed = ⚠️ Цена услуги изменилась. Проверьте заказ ещё раз.
order-placed =
    🎉 Заказ <b>№{ $id }</b> оформлен!
    Мы сообщим, как только начнём над ним работать. Все ваши заказы — в /orders.
order-already-placed = Заказ №{ $id } уже оформлен, повторно нажимать не нужно.

## Любой шаг: ответ не текстом, отмена, устаревшее оформление

order-text-expected = Ответьте, пожалуйста, текстовым сообщением.
order-btn-cancel = ✖️ Отменить
order-dialog-cancelled = Оформление заказа прервано, заказ не создан.
order-product-gone = Эта услуга больше недоступна. Другие услуги — в /catalog.
order-interrupted = ⏸ Оформление заказа «{ $title }» отложено. Чтобы продолжить, нажмите кнопку ниже.
order-interrupted-gone = Заказ не оформлен: эта услуга больше недоступна.
order-btn-resume = 🛒 Продолжить оформление
order-dialog-outdated = Это оформление уже завершено. Чтобы заказать снова, откройте /catalog.
