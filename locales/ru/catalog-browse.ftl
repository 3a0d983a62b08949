## Каталог: разделы, список услуг раздела, поиск

catalog-categories = <b>🗂 Каталог услуг</b>
    Выберите раздел — или найдите услугу по названию.
catalog-list = <b>{ $category }</b> · { $total ->
        [one] { $total } услуга
        [few] { $total } услуги
       *[many] { $total } услуг
    }

    { $rows }
catalog-list-row = { $n }. <b>{ $title }</b> · { $price } · { $deadline }
catalog-category-empty = В этом разделе пока нет услуг. Загляните в другие разделы каталога.
catalog-btn-search = 🔍 Поиск
catalog-btn-categories = ◀ Все разделы
catalog-btn-back-list = ◀ К списку услуг
catalog-category-not-found = Такого раздела нет в каталоге. Все услуги — в /catalog.
catalog-category-unavailable = Этот раздел сейчас недоступен. Другие услуги — в /catalog.
catalog-error-category-invalid = Такого раздела больше нет — выберите другой.

## Поиск услуг (/search)

search-ask = Что ищете? Напишите слово или два из названия услуги — например, «лендинг» или «логотип».
search-btn-cancel = Отмена
search-cancelled = Хорошо, поиск отменён.
search-results = <b>🔍 «{ $query }»</b> · { $total ->
        [one] нашлась { $total } услуга
        [few] нашлись { $total } услуги
       *[many] нашлось { $total } услуг
    }

    { $rows }
search-results-more = Показаны первые { $shown }. Уточните запрос, чтобы найти нужное.
search-nothing = По запросу «{ $query }» ничего не нашлось. Попробуйте другое слово или загляните в разделы каталога.
search-btn-catalog = 🗂 Разделы каталога
search-need-text = Напишите, что ищете, словами — например, «лендинг».

## Встроенный режим (@бот запрос в любом чате)

inline-result-description = { $price } · { $deadline } — { $description }
inline-btn-open = Открыть в боте
inline-btn-catalog = Открыть каталог в боте

cmd-search = Поиск услуг
