## Разделы каталога (/admin → Разделы)

admin-btn-categories = 🗂 Разделы
admin-categories = <b>🗂 Разделы каталога</b> (всего: { $total })
    Клиенты видят разделы в этом порядке; 🚫 — раздел отключён, его услуги скрыты.
admin-category-btn-new = ➕ Новый раздел
admin-category-view =
    <b>Раздел #{ $id }: { $title }</b>
    По-английски: { $titleEn }
    Эмодзи: { $emoji }
    Услуг: { $products } (в продаже: { $active })
    Статус: { $status }
admin-category-none = —
admin-category-active = виден клиентам
admin-category-disabled = 🚫 отключён, услуги скрыты
admin-category-btn-title = ✏️ Название
admin-category-btn-title-en = 🇬🇧 По-английски
admin-category-btn-emoji = 😀 Эмодзи
admin-category-btn-up = ⬆️ Выше
admin-category-btn-down = ⬇️ Ниже
admin-category-btn-disable = 🚫 Отключить
admin-category-btn-enable = ✅ Включить
admin-category-enabled = Раздел снова виден клиентам
admin-category-was-disabled = Раздел отключён: его услуги скрыты из каталога, поиска и ссылок
admin-category-cant-move = Раздел уже с краю списка
admin-category-gone = Этого раздела уже нет.

## Разделы: вопросы мастера

admin-category-ask-title = Введите название раздела по-русски (до { $titleMax } символов).
admin-category-ask-titleEn = Введите название раздела по-английски (до { $titleMax } символов) или нажмите «Пропустить» — тогда англоязычные клиенты увидят русское.
admin-category-ask-emoji = Пришлите один эмодзи для раздела, например 🎨, или нажмите «Без эмодзи».
admin-category-btn-skip = Пропустить
admin-category-btn-no-emoji = Без эмодзи
admin-category-preview =
    <b>Новый раздел</b>
    Название: { $title }
    По-английски: { $titleEn }
    Эмодзи: { $emoji }
admin-category-saved = Раздел сохранён
admin-category-created = Раздел «{ $title }» создан. Услуги в него добавляются в их карточках: «🗂 Раздел».
admin-category-updated = Раздел обновлён.
category-error-title-empty = Название не может быть пустым.
category-error-title-too-long = Название слишком длинное: можно не больше { $titleMax } символов.
category-error-title-taken = Раздел с таким названием уже есть.
category-error-emoji-invalid = Это не похоже на эмодзи. Пришлите один значок, например 🎨.

## Разделы: удаление

admin-category-delete-confirm = Удалить раздел «{ $title }»? В нём нет услуг.
admin-category-delete-move = В разделе «{ $title }» { $n ->
        [one] { $n } услуга
        [few] { $n } услуги
       *[many] { $n } услуг
    }. Куда их перенести перед удалением?
admin-category-delete-last = Это единственный раздел — его нельзя удалить. Сначала создайте другой.
admin-category-deleted = Раздел удалён.
admin-category-deleted-moved = Раздел удалён, услуги перенесены в «{ $to }».
admin-category-delete-refused = Не получилось удалить: в разделе появились услуги. Попробуйте ещё раз.

## Услуги: раздел и английские тексты (мастер услуг)

admin-product-ask-category = Выберите раздел каталога для услуги.
admin-product-ask-titleEn = Введите название услуги по-английски (до { $titleMax } символов) или нажмите «Только по-русски» — тогда англоязычные клиенты увидят русские тексты.
admin-product-ask-descriptionEn = Введите описание по-английски (до { $descriptionMax } символов) или нажмите «Пропустить» — тогда англоязычные клиенты увидят русское.
admin-product-btn-russian-only = Только по-русски
admin-product-btn-skip = Пропустить
admin-product-btn-edit-category = 🗂 Раздел
admin-product-btn-edit-english = 🇬🇧 Название EN
admin-product-btn-edit-description-en = 🇬🇧 Описание EN
admin-product-english =
    🇬🇧 { $title }
    { $description }
admin-product-no-english = 🇬🇧 по-английски: нет (клиенты видят русский текст)
admin-product-category = 🗂 Раздел: { $category }
