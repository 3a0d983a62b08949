## Промокоды: список

admin-promos = <b>🏷 Промокоды</b> (всего: { $total })
    Код · скидка · использовано/лимит. 🚫 — отключён.
admin-promos-empty = <b>🏷 Промокоды</b>
    Промокодов пока нет — создайте первый.
admin-promo-btn-new = ➕ Новый промокод

## Промокоды: карточка промокода

admin-promo-view =
    <b>🏷 Промокод</b>
    { $details }
    Статус: { $status }
admin-promo-details =
    Код: <code>{ $code }</code>
    Скидка: { $discount }
    Услуга: { $product }
    Действует до: { $expires }
    Использований: { $uses } из { $max }
    На одного клиента: { $perUser }
admin-promo-all-products = Все услуги
admin-promo-no-expiry = бессрочно
admin-promo-active = активен
admin-promo-disabled = 🚫 отключён
admin-promo-btn-edit-code = ✏️ Код
admin-promo-btn-edit-value = 💸 Скидка
admin-promo-btn-edit-product = 🛍 Услуга
admin-promo-btn-edit-expiry = 📅 Срок
admin-promo-btn-edit-max = 🔢 Лимит
admin-promo-btn-edit-peruser = 👤 На человека
admin-promo-btn-disable = 🚫 Отключить
admin-promo-btn-enable = ✅ Включить
admin-promo-enabled = Промокод включён
admin-promo-was-disabled = Промокод отключён
admin-promo-gone = Этого промокода уже нет.

## Промокоды: вопросы мастера и правки поля

admin-promo-ask-code = Введите код: 3–32 символа — латинские буквы, цифры, «-» и «_». Регистр не важен.
admin-promo-ask-value = Введите скидку: процент, например <code>15%</code> (1–100%), или фиксированную сумму в рублях, например <code>500</code>.
admin-promo-ask-product = На какую услугу действует код?
admin-promo-ask-expiry = До какой даты действует код (включительно)? Например, 31.12.2026.
admin-promo-btn-skip-expiry = Бессрочно
admin-promo-btn-clear-expiry = Сделать бессрочным
admin-promo-ask-max = Сколько раз всего можно использовать код? Целое число больше 0.
admin-promo-btn-skip-max = Без лимита
admin-promo-btn-clear-max = Снять лимит
admin-promo-ask-peruser = Сколько раз один клиент может использовать код? Целое число больше 0.
admin-promo-btn-skip-peruser = 1 раз (по умолчанию)
admin-promo-bad-date = Не получилось прочитать дату. Напишите её как ДД.ММ.ГГГГ, например 31.12.2026.
admin-promo-past-date = Эта дата уже прошла — укажите будущую.

## Промокоды: отказы по полям

admin-promo-error-code-invalid = Такой код не подойдёт: нужно от 3 до 32 символов, только латинские буквы, цифры, «-» и «_».
admin-promo-error-code-taken = Такой код уже есть (регистр букв не различается).
admin-promo-error-value-invalid = Не получилось прочитать скидку. Нужен процент от 1 до 100 (например, 15%) или сумма в рублях больше 0 (например, 500).
admin-promo-error-max-uses-invalid = Лимит должен быть целым числом больше 0 и не меньше числа уже сделанных использований.
admin-promo-error-per-user-limit-invalid = Лимит на одного клиента должен быть целым числом от 1 до { 1000000 }.
admin-promo-error-expires-invalid = Неверная дата окончания.
admin-promo-error-product-unknown = Этой услуги больше нет — выберите другую.

## Промокоды: итог и сохранение

admin-promo-summary =
    <b>Проверьте промокод</b>
    { $details }
admin-promo-saved = Сохранено
admin-promo-created = ✅ Промокод { $code } создан.
admin-promo-updated = ✅ Промокод обновлён.

## Промокоды: удаление

admin-promo-delete-confirm =
    Удалить промокод <code>{ $code }</code>?
    Заказы, в которых он применён, сохранят свою скидку.
admin-promo-deleted = Промокод удалён
