# Editor defects of issues 15 and 20.
compare-include-hidden = Include hidden sections (internal)
compare-include-hidden-hint = Also shows the content of hidden sections. For internal review only: change reports and exports never contain them.
compare-internal-banner = Internal view: includes hidden sections. The exported change report does not contain them.
released-saved = Version { $label } released and saved to { $path }.
released-not-saved = Version { $label } released but NOT saved yet: save the file to keep it.
released-choose-file = Version { $label } released but not saved yet: choose where to save the file.
version-banner = Version { $label } of { $date } – read only
version-banner-back = Back to the working copy
version-banner-restore = Restore this version
