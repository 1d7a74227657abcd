//! One frame of the editor's UI: menu, panels, central view, windows and dialogs.

use super::*;

impl TomwerkApp {
    /// One frame of UI: panels push actions, then they are applied.
    pub(super) fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let lang = self.view.ui_lang;
        let modal_open = !self.dialogs.is_empty();
        if !modal_open {
            rich_text::claim_shortcuts(&ctx);
            for c in Command::pressed(&ctx) {
                self.queue.push(Action::Command(c));
            }
        }
        // Escape closes the compare window, but only when nothing else wants it: a text
        // field gives up focus with Escape, a popup closes, a modal answers "Cancel".
        let escape_closes_window = !modal_open
            && self.catalogue.is_none()
            && ctx.memory(|m| m.focused().is_none())
            && !egui::Popup::is_any_open(&ctx)
            && ctx.input(|i| i.key_pressed(egui::Key::Escape));
        // A shared handle to the version being viewed, so the panels can borrow it while
        // they update the view state.
        let viewing = self.view.viewing.as_ref().map(|(_, d)| Arc::clone(d));
        let doc = match &viewing {
            Some(d) => d.as_ref(),
            None => self.editor.doc(),
        };
        let read_only = viewing.is_some() || self.editor.integrity_broken().is_some();
        self.view.sources.refresh(&self.editor);
        egui::Panel::top("menu-bar").show(ui, |ui| {
            menu_bar::show(
                ui,
                &self.editor,
                &self.view,
                &self.settings,
                &mut self.queue,
            );
        });
        let section_id = self.selected_section();
        let find_request = find::frame(
            ui,
            &mut self.find,
            (doc, self.editor.instance(), self.editor.revision()),
            section_id.as_ref(),
            &self.view,
            read_only,
        );
        egui::Panel::bottom("status-bar").show(ui, |ui| {
            status::status_bar(
                ui,
                lang,
                &self.editor,
                &self.view,
                self.export_job.as_ref().map(|j| j.path.as_path()),
                &mut self.queue,
            );
        });
        egui::Panel::left("section-tree")
            .resizable(true)
            .default_size(320.0)
            .size_range(200.0..=480.0)
            .show(ui, |ui| {
                section_tree::show(ui, doc, &self.view, read_only, &mut self.queue);
            });
        if self.view.show_history {
            egui::Panel::right("history")
                .resizable(true)
                .default_size(260.0)
                .show(ui, |ui| {
                    history::show(ui, &self.editor, &self.view, &mut self.queue);
                });
        }
        let today = self.today();
        checks_panel::panel(
            ui,
            &mut self.checks,
            &self.editor,
            &mut self.view,
            today,
            &mut self.queue,
        );
        if self.view.preview {
            let key = self.preview_key();
            preview::panel(
                ui,
                &mut self.preview,
                &self.editor.file,
                key,
                &self.view,
                today,
                &mut self.queue,
            );
        }
        let selection = self.view.selection.clone();
        // Every text field's id is ("text", field, language): focus the one a followed
        // finding names, in the frame that shows its section.
        if let Some((field, lang, target)) = &self.view.focus_text
            && *target == selection
        {
            let id = egui::Id::unique(("text", field, *lang));
            ctx.memory_mut(|m| m.request_focus(id));
            self.view.focus_text = None;
        }
        let mut start_choice = None;
        egui::CentralPanel::default().show(ui, |ui| {
            if self.view.start_view {
                start_choice = start::view(ui, lang, &self.settings, &mut self.queue);
                return;
            }
            integrity::banner(ui, &self.editor, lang);
            if self.view.example && !read_only {
                start::example_banner(ui, lang, &mut self.queue);
            }
            history::version_banner(ui, &self.editor, &self.view, &mut self.queue);
            match &selection {
                Selection::Document => {
                    document_form::show(ui, doc, &mut self.view, read_only, &mut self.queue)
                }
                Selection::Section(id) => match doc.section(id) {
                    Some(section) => section_editor::show(
                        ui,
                        doc,
                        section,
                        &mut self.view,
                        read_only,
                        &mut self.queue,
                    ),
                    None => {
                        ui.label(tr(lang, "nothing-selected"));
                    }
                },
            }
        });
        if start_choice == Some(start::StartChoice::Example) {
            self.view.start_view = false;
        }
        self.panel_windows(&ctx, escape_closes_window);
        self.toasts.show(&ctx, lang, &mut self.queue);
        if let Some(request) = find_request {
            self.find_request(&ctx, request);
        }
        if let Some(dialog) = self.dialogs.front_mut()
            && let Some(answer) = dialogs::show(&ctx, lang, dialog)
        {
            self.queue.push(Action::Answer(answer));
        }
        self.apply_queue(&ctx);
    }
}
