# Formatted editing and spell checking (issue 17).
spell-no-suggestions = No suggestions
spell-ignore = Ignore
spell-add = Add to dictionary
