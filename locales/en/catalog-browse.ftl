## Catalog: categories, a category's list of services, search

catalog-categories = <b>🗂 Our services</b>
    Pick a category — or search for a service by name.
catalog-list = <b>{ $category }</b> · { $total ->
        [one] { $total } service
       *[other] { $total } services
    }

    { $rows }
catalog-list-row = { $n }. <b>{ $title }</b> · { $price } · { $deadline }
catalog-category-empty = There are no services in this category yet. Have a look at the other categories.
catalog-btn-search = 🔍 Search
catalog-btn-categories = ◀ All categories
catalog-btn-back-list = ◀ Back to the list
catalog-category-not-found = We have no such category. See /catalog for all our services.
catalog-category-unavailable = This category is not available right now. See /catalog for our other services.
catalog-error-category-invalid = That category no longer exists — please pick another one.

## Service search (/search)

search-ask = What are you looking for? Type a word or two from the service's name — for example, "landing" or "logo".
search-btn-cancel = Cancel
search-cancelled = All right, search cancelled.
search-results = <b>🔍 “{ $query }”</b> · { $total ->
        [one] { $total } service found
       *[other] { $total } services found
    }

    { $rows }
search-results-more = Showing the first { $shown }. Narrow your search to find the right one.
search-nothing = Nothing found for “{ $query }”. Try another word, or browse the catalog's categories.
search-btn-catalog = 🗂 Catalog categories
search-need-text = Please type what you are looking for — for example, "landing".

## Inline mode (@bot query in any chat)

inline-result-description = { $price } · { $deadline } — { $description }
inline-btn-open = Open in the bot
inline-btn-catalog = Open the catalog in the bot

cmd-search = Find a service
