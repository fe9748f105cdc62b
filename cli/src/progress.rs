//! The `--all` progress bar on stderr: items against `meta.total`, pages, rate and ETA. Drawn
//! only when stderr is a terminal, so piped and logged runs stay clean.
use std::io::IsTerminal;
use std::time::Duration;

use blinksale::PageMeta;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

pub struct Progress {
    bar: Option<ProgressBar>,
    pages: u64,
}

impl Progress {
    /// A bar if stderr is a terminal, else nothing.
    pub fn new(limit: Option<u64>) -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress { bar: None, pages: 0 };
        }
        let bar = ProgressBar::with_draw_target(limit, ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template("{spinner} {human_pos}/{human_len} items  {msg}  {rate}  ETA {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .with_key("rate", |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0} items/s", state.per_sec());
            });
        bar.set_style(style);
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress { bar: Some(bar), pages: 0 }
    }

    /// A page arrived with `items` items.
    pub fn page(&mut self, meta: &PageMeta, items: usize) {
        self.pages += 1;
        let Some(bar) = &self.bar else { return };
        if let Some(total) = meta.total {
            // --limit may cut the run short of the total.
            let len = bar.length().map_or(total, |l| l.min(total));
            bar.set_length(len);
        }
        let of = meta.last_page.map(|l| format!("/{l}")).unwrap_or_default();
        bar.set_message(format!("page {}{of}", self.pages));
        bar.inc(items as u64);
    }

    /// Clears the bar, whatever the outcome.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
