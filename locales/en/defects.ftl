# Editor defects of issues 15 and 20.
compare-include-hidden = Include hidden sections (internal)
compare-include-hidden-hint = Also shows the content of hidden sections. For internal review only: change reports and exports never contain them.
compare-internal-banner = Internal view: includes hidden sections. The exported change report does not contain them.
