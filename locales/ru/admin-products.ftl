## Товары: список

admin-products = <b>🛍 Услуги</b> (всего: { $total })
    🚫 — отключена и не видна клиентам. Выберите услугу или создайте новую.
admin-products-empty = <b>🛍 Услуги</b>
    Услуг пока нет — создайте первую.
admin-product-btn-new = ➕ Новая услуга

## Товары: карточка товара

admin-product-view =
    <b>Услуга #{ $id }: { $title }</b>
    { $description }

    Цена: { $price }
    Срок: { $deadline } { $deadline ->
        [one] день
        [few] дня
       *[many] дней
    }
    Фото: { $photo }
    Статус: { $status }
    Создана: { $created }, изменена: { $updated }
admin-product-active = в каталоге
admin-product-disabled = 🚫 отключена
admin-product-btn-edit-title = ✏️ Название
admin-product-btn-edit-description = ✏️ Описание
admin-product-btn-edit-image = 🖼 Фото
admin-product-btn-edit-price = 💰 Цена
admin-product-btn-edit-deadline = ⏱ Срок
admin-product-btn-disable = 🚫 Отключить
admin-product-btn-enable = ✅ Включить
admin-product-enabled = Услуга снова в каталоге
admin-product-was-disabled = Услуга отключена и скрыта из каталога
admin-product-gone = Этой услуги уже нет.

## Товары: вопросы мастера и правки поля

admin-product-ask-title = Введите название услуги (до { $titleMax } символов, не должно совпадать с другими услугами).
admin-product-ask-description = Введите описание (до { $descriptionMax } символов).
admin-product-ask-image = Пришлите фото для карточки услуги или нажмите «Без фото».
admin-product-ask-price = Введите цену в рублях — целое число от 0, например 15000.
admin-product-ask-deadline = Введите срок выполнения в днях — целое число от 1.
admin-product-btn-skip-photo = Без фото
admin-product-need-photo = Это не фото. Пришлите картинку как фотографию, а не файлом.
admin-product-btn-remove-photo = Убрать фото

## Товары: предпросмотр и сохранение

admin-product-preview-intro = Так услугу увидят клиенты в /catalog:
admin-product-saved = Сохранено
admin-product-created = ✅ Услуга «{ $title }» создана.
admin-product-updated = ✅ Услуга обновлена.

## Товары: удаление

admin-product-delete-confirm =
    Удалить услугу <b>{ $title }</b> навсегда?
    Она исчезнет из каталога и списков. Заказы сохранят её название и цену.
admin-product-deleted = Услуга удалена
