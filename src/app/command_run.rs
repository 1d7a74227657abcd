//! Running a command: what each entry of the one `Command` enum does, and the find bar's steps.

use super::*;

impl TomwerkApp {
    pub(super) fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        let lang = self.view.ui_lang;
        let sel = self.selected_section();
        match command {
            Command::New => self.guarded(ctx, Pending::New),
            Command::Open => self.guarded(ctx, Pending::Open),
            Command::Save => self.save(ctx),
            Command::SaveAs => self.ask_path(ctx, Purpose::SaveAs),
            Command::ImportMarkdown => self.guarded(ctx, Pending::Import),
            Command::ExportPdf => {
                if self.export_job.is_some() {
                    self.toasts.info(tr(lang, "export-busy"));
                } else {
                    self.open_export_dialog();
                }
            }
            Command::ExportWord => {
                if self.export_job.is_some() {
                    self.toasts.info(tr(lang, "export-busy"));
                } else {
                    self.ask_path(ctx, Purpose::ExportDocx);
                }
            }
            Command::Quit => self.guarded(ctx, Pending::Quit),
            Command::Undo | Command::Redo => {
                let before = self.editor.doc().clone();
                let stepped = !self.read_only()
                    && if command == Command::Undo {
                        self.editor.undo()
                    } else {
                        self.editor.redo()
                    };
                if stepped {
                    cursor::after_history(ctx, &before, self.editor.doc());
                    self.after_change();
                }
            }
            Command::DocumentForm => self.view.selection = Selection::Document,
            Command::PreviousSection | Command::NextSection => {
                let order: Vec<Selection> = std::iter::once(Selection::Document)
                    .chain(
                        self.shown_doc()
                            .all_sections()
                            .into_iter()
                            .map(|(s, _)| Selection::Section(s.id.clone())),
                    )
                    .collect();
                let pos = order
                    .iter()
                    .position(|s| *s == self.view.selection)
                    .unwrap_or(0);
                let next = if command == Command::NextSection {
                    (pos + 1).min(order.len() - 1)
                } else {
                    pos.saturating_sub(1)
                };
                self.view.selection = order[next].clone();
                self.editor.break_merge();
            }
            Command::AddSection => {
                let title = LocalText::only(self.edit_lang(), tr(lang, "new-section-title"));
                self.edit(ctx, DocEdit::AddSectionAfter(sel, title));
            }
            Command::AddSubsection => match sel {
                Some(parent) => {
                    let title = LocalText::only(self.edit_lang(), tr(lang, "new-section-title"));
                    self.edit(ctx, DocEdit::AddSubsection(parent, title));
                }
                None => self.toasts.info(tr(lang, "select-section-first")),
            },
            Command::RenameSection => {
                if sel.is_some() {
                    self.view.focus_title = true;
                }
            }
            Command::MoveSectionUp => self.move_selected(ctx, MoveDirection::Up),
            Command::MoveSectionDown => self.move_selected(ctx, MoveDirection::Down),
            Command::IndentSection => self.move_selected(ctx, MoveDirection::In),
            Command::OutdentSection => self.move_selected(ctx, MoveDirection::Out),
            Command::ToggleHidden => {
                if let Some(id) = sel {
                    let hidden = self.editor.doc().section(&id).is_some_and(|s| s.hidden);
                    self.edit(ctx, DocEdit::SetHidden(id, !hidden));
                }
            }
            Command::DeleteSection => {
                if let Some(id) = sel {
                    let canonical = self
                        .editor
                        .doc()
                        .section(&id)
                        .is_some_and(|s| s.canonical().is_some());
                    if canonical {
                        self.toasts.info(tr(lang, "canonical-not-deletable"));
                    } else {
                        self.dialogs.push_back(Dialog::ConfirmDelete(id));
                    }
                }
            }
            Command::AddMeasure => match sel {
                Some(id) => self.edit(ctx, DocEdit::AddMeasure(id)),
                None => self.toasts.info(tr(lang, "select-section-first")),
            },
            Command::EditGerman => self.view.content = ContentMode::Single(Lang::De),
            Command::EditEnglish => self.view.content = ContentMode::Single(Lang::En),
            Command::TranslationMode => {
                self.view.content = match self.view.content {
                    ContentMode::Both => {
                        ContentMode::Single(self.editor.doc().meta.primary_language)
                    }
                    ContentMode::Single(_) => ContentMode::Both,
                }
            }
            Command::TogglePreview => self.view.preview = !self.view.preview,
            Command::UiGerman => self.set_ui_lang(Lang::De),
            Command::UiEnglish => self.set_ui_lang(Lang::En),
            Command::ThemeSystem => self.set_theme(ctx, ThemeChoice::System),
            Command::ThemeLight => self.set_theme(ctx, ThemeChoice::Light),
            Command::ThemeDark => self.set_theme(ctx, ThemeChoice::Dark),
            Command::History => {
                self.view.show_history = !self.view.show_history;
                if !self.view.show_history {
                    self.view.viewing = None;
                }
            }
            Command::CompareVersions
            | Command::NextChange
            | Command::PreviousChange
            | Command::ExportChangeReport
            | Command::ExportChangeReportWord
            | Command::Checks
            | Command::AddFromCatalogue => self.run_panel_command(ctx, command),
            Command::Release if self.read_only() => {}
            Command::Find => self.find.open(false),
            Command::Replace => self.find.open(true),
            Command::FindNext | Command::FindPrevious => {
                if !self.find.open {
                    self.find.open(false);
                } else {
                    let found = self.find_matches();
                    if let Some(request) = self.find.step(&found, command == Command::FindNext) {
                        self.find_request(ctx, request);
                    }
                }
            }
            Command::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            Command::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            Command::ZoomReset => ctx.set_zoom_factor(1.0),
            Command::Release => {
                let label = self.editor.file.suggest_next_label();
                let author = if self.settings.author.trim().is_empty() {
                    crate::cli::user_name()
                } else {
                    self.settings.author.clone()
                };
                self.dialogs.push_back(Dialog::Release {
                    label,
                    author,
                    note: String::new(),
                    date: release_date_text(self.today(), lang),
                    error: None,
                    sign: self.settings.sign_releases,
                });
            }
        }
    }

    /// The find bar's matches in the shown document.
    pub(super) fn find_matches(&mut self) -> Arc<Vec<find::Match>> {
        let section = self.selected_section();
        let (instance, revision) = (self.editor.instance(), self.editor.revision());
        let viewing = self.view.viewing.as_ref().map(|(_, d)| Arc::clone(d));
        let doc = viewing.as_deref().unwrap_or(self.editor.doc());
        self.find
            .matches(doc, instance, revision, section.as_ref(), viewing.is_some())
    }

    /// Carries out what the find bar asked for.
    pub(super) fn find_request(&mut self, ctx: &egui::Context, request: find::FindRequest) {
        match request {
            find::FindRequest::Show(m) => {
                for action in find::show_actions(&m, &self.view) {
                    self.apply(ctx, action);
                }
            }
            find::FindRequest::Replace(m) => {
                if let Some(edit) = find::replace_one(self.editor.doc(), &m, &self.find.replacement)
                {
                    self.editor.break_merge();
                    self.edit(ctx, edit);
                    self.editor.break_merge();
                }
            }
            find::FindRequest::ReplaceAll => {
                let section = self.selected_section();
                let (doc, count) = find::replace_all(
                    self.editor.doc(),
                    &self.find.query,
                    section.as_ref(),
                    &self.find.replacement,
                );
                if count > 0 {
                    self.editor.break_merge();
                    self.edit(ctx, DocEdit::ReplaceDocument(Box::new(doc)));
                    self.editor.break_merge();
                }
                self.toasts.info(i18n().tr_args(
                    self.view.ui_lang,
                    "find-replaced",
                    &[("count", (count as i64).into())],
                ));
            }
        }
    }
}
