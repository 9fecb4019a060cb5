//! The application menu, in the desktop's conventions and the DLM's
//! language: File, Edit, View, Help. Items that act on the screens (a new
//! project, the search, a view, the shortcuts sheet) are told to the
//! window as a `menu` event naming the action, which the window runs as its
//! keyboard shortcut would; their accelerators are the same shortcuts.

use std::sync::OnceLock;

use atelier_app::domain::samples::Lang;
use tauri::menu::{Menu, MenuBuilder, MenuEvent, MenuItemBuilder, PredefinedMenuItem, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Runtime};

use crate::error::IpcError;

/// The event the window receives, with the action's name as payload.
pub const EVENT: &str = "menu";

/// An item of the menu that the window acts on. Its id is the name of the
/// action (see `ui/src/lib/shell/shortcuts.ts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    NewProject,
    Search,
    BackUp,
    Settings,
    GoProjects,
    GoVendors,
    GoPeople,
    ViewCards,
    ViewList,
    ViewTimeline,
    ThemeSystem,
    ThemeLight,
    ThemeDark,
    Shortcuts,
    About,
    OpenLogs,
}

impl Item {
    pub const ALL: [Item; 16] = [
        Item::NewProject,
        Item::Search,
        Item::BackUp,
        Item::Settings,
        Item::GoProjects,
        Item::GoVendors,
        Item::GoPeople,
        Item::ViewCards,
        Item::ViewList,
        Item::ViewTimeline,
        Item::ThemeSystem,
        Item::ThemeLight,
        Item::ThemeDark,
        Item::Shortcuts,
        Item::About,
        Item::OpenLogs,
    ];

    /// The action's name, the item's id.
    pub fn id(self) -> &'static str {
        match self {
            Item::NewProject => "new_project",
            Item::Search => "search",
            Item::BackUp => "back_up",
            Item::Settings => "settings",
            Item::GoProjects => "go_projects",
            Item::GoVendors => "go_vendors",
            Item::GoPeople => "go_people",
            Item::ViewCards => "view_cards",
            Item::ViewList => "view_list",
            Item::ViewTimeline => "view_timeline",
            Item::ThemeSystem => "theme_system",
            Item::ThemeLight => "theme_light",
            Item::ThemeDark => "theme_dark",
            Item::Shortcuts => "shortcuts",
            Item::About => "about",
            Item::OpenLogs => "open_logs",
        }
    }

    /// The keyboard shortcut the window also answers, if any.
    fn accelerator(self) -> Option<&'static str> {
        match self {
            Item::NewProject => Some("CmdOrCtrl+N"),
            Item::Search => Some("CmdOrCtrl+K"),
            Item::GoProjects => Some("CmdOrCtrl+1"),
            Item::GoVendors => Some("CmdOrCtrl+2"),
            Item::GoPeople => Some("CmdOrCtrl+3"),
            _ => None,
        }
    }

    /// Its label in `lang`, with the mnemonic GTK underlines.
    fn label(self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            Item::NewProject => ("_Nouveau projet", "_New project"),
            Item::Search => ("_Rechercher…", "_Search…"),
            Item::BackUp => ("_Sauvegarder maintenant", "_Back up now"),
            Item::Settings => ("Ré_glages", "Se_ttings"),
            Item::GoProjects => ("_Projets", "_Projects"),
            Item::GoVendors => ("_Veille", "_Vendor watch"),
            Item::GoPeople => ("Parties p_renantes", "_Stakeholders"),
            Item::ViewCards => ("Portefeuille en _cartes", "Portfolio as _cards"),
            Item::ViewList => ("Portefeuille en _liste", "Portfolio as a _list"),
            Item::ViewTimeline => ("Portefeuille en _frise", "Portfolio as a _timeline"),
            Item::ThemeSystem => ("Thème du s_ystème", "S_ystem theme"),
            Item::ThemeLight => ("Thème cl_air", "Li_ght theme"),
            Item::ThemeDark => ("Thème _sombre", "_Dark theme"),
            Item::Shortcuts => ("_Raccourcis clavier", "_Keyboard shortcuts"),
            Item::About => ("À _propos d’Atelier", "_About Atelier"),
            Item::OpenLogs => ("Ouvrir le dossier des _journaux", "Open the _logs folder"),
        };
        match lang {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    fn of(id: &str) -> Option<Item> {
        Item::ALL.into_iter().find(|item| item.id() == id)
    }
}

/// The titles of the four menus in `lang`.
fn titles(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Fr => ["_Fichier", "É_dition", "_Affichage", "Aid_e"],
        Lang::En => ["_File", "_Edit", "_View", "_Help"],
    }
}

/// The whole menu in `lang`.
pub fn build<R: Runtime>(app: &AppHandle<R>, lang: Lang) -> tauri::Result<Menu<R>> {
    let item = |item: Item| {
        let builder = MenuItemBuilder::with_id(item.id(), item.label(lang));
        match item.accelerator() {
            Some(keys) => builder.accelerator(keys),
            None => builder,
        }
        .build(app)
    };
    let [file, edit, view, help] = titles(lang);
    let quit = match lang {
        Lang::Fr => "_Quitter",
        Lang::En => "_Quit",
    };
    let file = SubmenuBuilder::new(app, file)
        .item(&item(Item::NewProject)?)
        .item(&item(Item::Search)?)
        .separator()
        .item(&item(Item::BackUp)?)
        .item(&item(Item::Settings)?)
        .separator()
        .item(&PredefinedMenuItem::quit(app, Some(quit))?)
        .build()?;
    let edit = {
        let (cut, copy, paste, all) = match lang {
            Lang::Fr => ("Co_uper", "_Copier", "C_oller", "_Tout sélectionner"),
            Lang::En => ("Cu_t", "_Copy", "_Paste", "Select _all"),
        };
        SubmenuBuilder::new(app, edit)
            .item(&PredefinedMenuItem::cut(app, Some(cut))?)
            .item(&PredefinedMenuItem::copy(app, Some(copy))?)
            .item(&PredefinedMenuItem::paste(app, Some(paste))?)
            .separator()
            .item(&PredefinedMenuItem::select_all(app, Some(all))?)
            .build()?
    };
    let view = SubmenuBuilder::new(app, view)
        .item(&item(Item::GoProjects)?)
        .item(&item(Item::GoVendors)?)
        .item(&item(Item::GoPeople)?)
        .separator()
        .item(&item(Item::ViewCards)?)
        .item(&item(Item::ViewList)?)
        .item(&item(Item::ViewTimeline)?)
        .separator()
        .item(&item(Item::ThemeSystem)?)
        .item(&item(Item::ThemeLight)?)
        .item(&item(Item::ThemeDark)?)
        .build()?;
    let help = SubmenuBuilder::new(app, help)
        .item(&item(Item::Shortcuts)?)
        .item(&item(Item::OpenLogs)?)
        .separator()
        .item(&item(Item::About)?)
        .build()?;
    MenuBuilder::new(app).items(&[&file, &edit, &view, &help]).build()
}

/// Sets the menu in `lang` on the application (the window's language, at
/// start and whenever the DLM changes it).
pub fn apply<R: Runtime>(app: &AppHandle<R>, lang: Lang) -> tauri::Result<()> {
    app.set_menu(build(app, lang)?)?;
    Ok(())
}

/// Puts the menu in another language: set once the application runs (the
/// shell's tests run without a menu, and the command then does nothing).
#[derive(Default)]
pub struct MenuBar(OnceLock<Box<dyn Fn(Lang) -> tauri::Result<()> + Send + Sync>>);

impl MenuBar {
    /// From now on, [`MenuBar::speak`] sets the menu of `app`.
    pub fn attach<R: Runtime>(&self, app: AppHandle<R>) {
        let _ = self.0.set(Box::new(move |lang| apply(&app, lang)));
    }

    /// Sets the menu in `lang`.
    pub fn speak(&self, lang: Lang) -> Result<(), IpcError> {
        match self.0.get() {
            Some(apply) => apply(lang).map_err(|e| IpcError::internal(&format!("the menu could not be set: {e}"))),
            None => Ok(()),
        }
    }
}

/// Tells the window which action an item of the menu asks for.
pub fn on_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    if let Some(item) = Item::of(event.id().as_ref()) {
        log::info!("menu: {}", item.id());
        let _ = app.emit_to("main", EVENT, item.id());
    }
}

/// The language of the desktop session, until the window says which one
/// the DLM chose.
pub fn system_lang() -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
        .unwrap_or_default();
    if locale.starts_with("fr") {
        Lang::Fr
    } else {
        Lang::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_has_its_own_id_and_a_label_in_each_language() {
        let mut ids: Vec<&str> = Item::ALL.iter().map(|i| i.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), Item::ALL.len());
        for item in Item::ALL {
            assert_eq!(Item::of(item.id()), Some(item));
            assert_ne!(item.label(Lang::Fr), item.label(Lang::En), "{item:?}");
        }
    }

    #[test]
    fn the_window_knows_every_action_the_menu_sends() {
        let actions = include_str!("../../ui/src/lib/shell/shortcuts.ts");
        let known = &actions[actions.find("export const ACTIONS").expect("the list of actions")..];
        for item in Item::ALL {
            assert!(known.contains(&format!("\"{}\"", item.id())), "{item:?}");
        }
    }
}
