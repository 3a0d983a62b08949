## Товары: список

admin-products = <b>🛍 Товары</b> (всего: { $total })
    🚫 — отключён и не виден покупателям. Выберите товар или создайте новый.
admin-products-empty = <b>🛍 Товары</b>
    Товаров пока нет — создайте первый.
admin-product-btn-new = ➕ Новый товар

## Товары: карточка товара

admin-product-view =
    <b>Товар #{ $id }: { $title }</b>
    { $description }

    Цена: { $price }
    Срок: { $deadline } дн.
    Фото: { $photo }
    Статус: { $status }
    Создан: { $created }, изменён: { $updated }
admin-product-active = в продаже
admin-product-disabled = 🚫 отключён
admin-product-btn-edit-title = ✏️ Название
admin-product-btn-edit-description = ✏️ Описание
admin-product-btn-edit-image = 🖼 Фото
admin-product-btn-edit-price = 💰 Цена
admin-product-btn-edit-deadline = ⏱ Срок
admin-product-btn-disable = 🚫 Отключить
admin-product-btn-enable = ✅ Включить
admin-product-enabled = Товар снова в продаже
admin-product-was-disabled = Товар отключён и скрыт из каталога
admin-product-gone = Этого товара уже нет.

## Товары: вопросы мастера и правки поля

admin-product-ask-title = Введите название товара (до { $titleMax } символов, не должно совпадать с другими товарами).
admin-product-ask-description = Введите описание (до { $descriptionMax } символов).
admin-product-ask-image = Пришлите фото товара или нажмите «Без фото».
admin-product-ask-price = Введите цену в рублях — целое число от 0, например 15000.
admin-product-ask-deadline = Введите срок выполнения в днях — целое число больше 0.
admin-product-btn-skip-photo = Без фото
admin-product-need-photo = Нужна фотография (именно фото, не файл).
admin-product-btn-remove-photo = Убрать фото

## Товары: предпросмотр и сохранение

admin-product-preview-intro = Так товар увидят покупатели в /catalog:
admin-product-saved = Сохранено
admin-product-created = ✅ Товар «{ $title }» создан.
admin-product-updated = ✅ Товар обновлён.

## Товары: удаление

admin-product-delete-confirm =
    Удалить товар <b>{ $title }</b> навсегда?
    Он исчезнет из каталога и списков. Заказы сохранят его название и цену.
admin-product-deleted = Товар удалён
