## Catalog categories (/admin → Categories)

admin-btn-categories = 🗂 Categories
admin-categories = <b>🗂 Catalog categories</b> ({ $total } in all)
    Customers see the categories in this order; 🚫 means disabled, its services are hidden.
admin-category-btn-new = ➕ New category
admin-category-view =
    <b>Category #{ $id }: { $title }</b>
    In English: { $titleEn }
    Emoji: { $emoji }
    Services: { $products } ({ $active } on sale)
    Status: { $status }
admin-category-none = —
admin-category-active = visible to customers
admin-category-disabled = 🚫 disabled, its services are hidden
admin-category-btn-title = ✏️ Title
admin-category-btn-title-en = 🇬🇧 In English
admin-category-btn-emoji = 😀 Emoji
admin-category-btn-up = ⬆️ Up
admin-category-btn-down = ⬇️ Down
admin-category-btn-disable = 🚫 Disable
admin-category-btn-enable = ✅ Enable
admin-category-enabled = The category is visible to customers again
admin-category-was-disabled = Category disabled: its services are hidden from the catalog, search and links
admin-category-cant-move = The category is already at that end of the list
admin-category-gone = This category no longer exists.

## Categories: wizard questions

admin-category-ask-title = Type the category's title in Russian (up to { $titleMax } characters).
admin-category-ask-titleEn = Type the category's title in English (up to { $titleMax } characters), or press "Skip" — English-speaking customers will then see the Russian one.
admin-category-ask-emoji = Send one emoji for the category, for example 🎨, or press "No emoji".
admin-category-btn-skip = Skip
admin-category-btn-no-emoji = No emoji
admin-category-preview =
    <b>New category</b>
    Title: { $title }
    In English: { $titleEn }
    Emoji: { $emoji }
admin-category-saved = Category saved
admin-category-created = Category “{ $title }” created. Services are moved into it from their own screens: “🗂 Category”.
admin-category-updated = Category updated.
category-error-title-empty = The title cannot be empty.
category-error-title-too-long = The title is too long: { $titleMax } characters at most.
category-error-title-taken = A category with this title already exists.
category-error-emoji-invalid = That does not look like an emoji. Send a single one, for example 🎨.

## Categories: deleting

admin-category-delete-confirm = Delete the category “{ $title }”? It has no services.
admin-category-delete-move = The category “{ $title }” has { $n ->
        [one] { $n } service
       *[other] { $n } services
    }. Where should they go before it is deleted?
admin-category-delete-last = This is the only category, so it cannot be deleted. Create another one first.
admin-category-deleted = Category deleted.
admin-category-deleted-moved = Category deleted; its services moved to “{ $to }”.
admin-category-delete-refused = Could not delete it: services were added to the category meanwhile. Please try again.

## Services: category and English texts (the product wizard)

admin-product-ask-category = Pick the catalog category for the service.
admin-product-ask-titleEn = Type the service's title in English (up to { $titleMax } characters), or press "Russian only" — English-speaking customers will then see the Russian texts.
admin-product-ask-descriptionEn = Type the description in English (up to { $descriptionMax } characters), or press "Skip" — English-speaking customers will then see the Russian one.
admin-product-btn-russian-only = Russian only
admin-product-btn-skip = Skip
admin-product-btn-edit-category = 🗂 Category
admin-product-btn-edit-english = 🇬🇧 Title EN
admin-product-btn-edit-description-en = 🇬🇧 Description EN
admin-product-english =
    🇬🇧 { $title }
    { $description }
admin-product-no-english = 🇬🇧 in English: none (customers see the Russian text)
admin-product-category = 🗂 Category: { $category }
