# Formatted editing and spell checking (issue 17).
spell-no-suggestions = No suggestions
spell-ignore = Ignore
spell-add = Add to dictionary
spell-no-dictionary = No spelling dictionary found (install hunspell-de-de / hunspell-en-gb, or pick a folder in the settings); spelling was not checked.
check-spelling = Unknown word “{ $word }” ({ $lang })
