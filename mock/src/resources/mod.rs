//! Routing and the generic list/get/create/update/delete flow over every resource.
mod catalog;
mod clients;
mod contacts;
mod documents;
mod estimates;
mod invoices;
mod payments;
mod recurring;
mod view;

use serde::Serialize;
use serde_json::Value;

use crate::config::Permission;
use crate::pagination::PageRequest;
use crate::reply::{ApiError, Outcome, Reply};
use crate::store::{Record, Res, Store, text};
use view::View;

/// What a request asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    List,
    Create,
    Get,
    Update,
    Delete,
    Send,
    Convert,
    ApplyPayment,
    SetStatus,
}

/// A matched route: the resource, the action, and the ids in the path.
#[derive(Clone, Debug)]
pub struct Route {
    pub res: Res,
    pub action: Action,
    pub parent: Option<String>,
    pub id: Option<String>,
}

impl Route {
    /// GET needs read, send actions need send, other writes need write.
    pub fn permission(&self) -> Permission {
        match self.action {
            Action::List | Action::Get => Permission::Read,
            Action::Send => Permission::Send,
            _ => Permission::Write,
        }
    }

    /// Whether the action reads a JSON body.
    pub fn takes_body(&self) -> bool {
        matches!(self.action, Action::Create | Action::Update | Action::ApplyPayment | Action::SetStatus)
    }
}

/// A matched path: resource, parent id, item id and the methods it allows.
type Matched = (Res, Option<String>, Option<String>, &'static [(&'static str, Action)]);

/// Matches a path below the API prefix. Unknown paths are 404; known paths with another
/// method are 405 with the allowed methods.
pub fn route(method: &str, path: &str) -> Result<Route, ApiError> {
    let segs: Vec<&str> = path.split('/').collect();
    if segs.iter().any(|s| s.is_empty()) {
        return Err(ApiError::NotFound);
    }
    let own = |s: &str| Some(s.to_string());
    let (res, parent, id, allowed): Matched = match segs.as_slice() {
        ["clients", cid, "contacts"] => (Res::Contacts, own(cid), None, &[("GET", Action::List), ("POST", Action::Create)]),
        ["clients", cid, "contacts", id] => (Res::Contacts, own(cid), own(id), ITEM),
        ["estimates", id, "send"] => (Res::Estimates, None, own(id), &[("POST", Action::Send)]),
        ["estimates", id, "convert"] => (Res::Estimates, None, own(id), &[("POST", Action::Convert)]),
        ["invoices", id, "send"] => (Res::Invoices, None, own(id), &[("POST", Action::Send)]),
        ["invoices", id, "payments"] => (Res::Invoices, None, own(id), &[("POST", Action::ApplyPayment)]),
        ["recurring-invoices", id, "status"] => (Res::Recurring, None, own(id), &[("PATCH", Action::SetStatus)]),
        [coll] => (Res::from_segment(coll).ok_or(ApiError::NotFound)?, None, None, &[("GET", Action::List), ("POST", Action::Create)]),
        [coll, id] => (Res::from_segment(coll).ok_or(ApiError::NotFound)?, None, own(id), ITEM),
        _ => return Err(ApiError::NotFound),
    };
    match allowed.iter().find(|(m, _)| *m == method) {
        Some((_, action)) => Ok(Route { res, action: *action, parent, id }),
        None => Err(ApiError::MethodNotAllowed(allow_header(allowed))),
    }
}

const ITEM: &[(&str, Action)] = &[("GET", Action::Get), ("PUT", Action::Update), ("DELETE", Action::Delete)];

fn allow_header(allowed: &[(&str, Action)]) -> &'static str {
    match allowed.first().map(|(m, _)| *m) {
        Some("GET") if allowed.len() == 2 => "GET, POST",
        Some("GET") => "GET, PUT, DELETE",
        Some("PATCH") => "PATCH",
        _ => "POST",
    }
}

/// A request as the resources see it.
pub struct Call<'a> {
    pub route: &'a Route,
    pub query: &'a [(String, String)],
    pub body: &'a Value,
    /// Absolute URL of the path, for pagination links.
    pub url: &'a str,
}

/// Runs a matched route against the store.
pub fn dispatch(store: &mut Store, call: Call<'_>) -> Outcome {
    let r = call.route;
    let id = r.id.as_deref().unwrap_or_default();
    if r.res == Res::Contacts {
        let cid = r.parent.as_deref().unwrap_or_default();
        if !store.clients.contains_key(cid) {
            return Err(ApiError::NotFound);
        }
        if r.id.is_some() && store.contacts.get(id).and_then(|c| text(c, "client_id")) != Some(cid) {
            return Err(ApiError::NotFound);
        }
    } else if r.id.is_some() && !store.table(r.res).contains_key(id) {
        return Err(ApiError::NotFound);
    }
    let label = r.res.label();
    match r.action {
        Action::List => list(store, call),
        Action::Get => Ok(Reply::ok(format!("{label} retrieved successfully"), render_id(store, r.res, id))),
        Action::Create => {
            let new_id = match r.res {
                Res::Clients => clients::create(store, call.body)?,
                Res::Contacts => contacts::create(store, r.parent.as_deref().unwrap_or_default(), call.body)?,
                Res::Estimates => estimates::create(store, call.body)?,
                Res::Invoices => invoices::create(store, call.body)?,
                Res::Recurring => recurring::create(store, call.body)?,
                Res::Payments => payments::create(store, call.body)?,
                Res::Taxes | Res::Units | Res::Items => catalog::create(store, r.res, call.body)?,
            };
            Ok(Reply::created(format!("{label} created successfully"), render_id(store, r.res, &new_id)))
        }
        Action::Update => {
            match r.res {
                Res::Clients => clients::update(store, id, call.body)?,
                Res::Contacts => contacts::update(store, id, call.body)?,
                Res::Estimates => estimates::update(store, id, call.body)?,
                Res::Invoices => invoices::update(store, id, call.body)?,
                Res::Recurring => recurring::update(store, id, call.body)?,
                Res::Payments => payments::update(store, id, call.body)?,
                Res::Taxes | Res::Units | Res::Items => catalog::update(store, r.res, id, call.body)?,
            }
            Ok(Reply::ok(format!("{label} updated successfully"), render_id(store, r.res, id)))
        }
        Action::Delete => {
            match r.res {
                Res::Clients => clients::delete(store, id)?,
                Res::Contacts => contacts::delete(store, r.parent.as_deref().unwrap_or_default(), id)?,
                Res::Invoices => invoices::delete(store, id)?,
                Res::Payments => payments::delete(store, id)?,
                Res::Taxes | Res::Units | Res::Items => catalog::delete(store, r.res, id)?,
                Res::Estimates | Res::Recurring => {
                    store.table_mut(r.res).shift_remove(id);
                }
            }
            Ok(Reply::ok(format!("{label} deleted successfully"), Value::Null))
        }
        Action::Send => {
            if r.res == Res::Estimates {
                estimates::send(store, id)?
            } else {
                invoices::send(store, id)?
            }
            Ok(Reply::ok(format!("{label} sent successfully"), render_id(store, r.res, id)))
        }
        Action::Convert => {
            let invoice_id = estimates::convert(store, id)?;
            Ok(Reply::created("Estimate converted successfully", render_id(store, Res::Invoices, &invoice_id)))
        }
        Action::ApplyPayment => {
            let payment_id = payments::apply(store, id, call.body)?;
            #[derive(Serialize)]
            struct Applied<'a> {
                payment: Option<View<'a>>,
                invoice: Option<View<'a>>,
            }
            let data = Applied { payment: render_id(store, Res::Payments, &payment_id), invoice: render_id(store, Res::Invoices, id) };
            Ok(Reply::created("Payment applied successfully", data))
        }
        Action::SetStatus => {
            recurring::set_status(store, id, call.body)?;
            Ok(Reply::ok("Recurring invoice status updated successfully", render_id(store, Res::Recurring, id)))
        }
    }
}

fn list(store: &Store, call: Call<'_>) -> Outcome {
    let page = PageRequest::from_query(call.query)?;
    let r = call.route;
    let parent = r.parent.as_deref();
    let rows: Vec<&Record> = store
        .table(r.res)
        .values()
        .filter(|rec| match r.res {
            Res::Contacts => text(rec, "client_id") == parent,
            Res::Clients => clients::matches(rec, call.query),
            Res::Estimates => estimates::matches(rec, call.query),
            Res::Invoices => invoices::matches(rec, call.query),
            Res::Recurring => recurring::matches(rec, call.query),
            Res::Payments => payments::matches(rec, call.query),
            _ => true,
        })
        .collect();
    let data: Vec<View<'_>> = rows[page.range(rows.len())].iter().map(|rec| render(store, r.res, rec)).collect();
    let keep: Vec<(String, String)> = call.query.iter().filter(|(k, _)| k != "page" && k != "per_page").cloned().collect();
    let mut reply = Reply::ok("Resources retrieved successfully", data);
    reply.page = Some(page.describe(rows.len(), call.url, &keep));
    Ok(reply)
}

fn render_id<'a>(store: &'a Store, res: Res, id: &str) -> Option<View<'a>> {
    store.table(res).get(id).map(|rec| render(store, res, rec))
}

/// A record in its response shape.
pub fn render<'a>(store: &'a Store, res: Res, rec: &'a Record) -> View<'a> {
    match res {
        Res::Clients => clients::render(rec),
        Res::Estimates | Res::Invoices => documents::render(store, rec),
        Res::Recurring => recurring::render(store, rec),
        Res::Taxes | Res::Units | Res::Items => catalog::render(store, res, rec),
        Res::Contacts | Res::Payments => View::of(rec),
    }
}

/// Exact-match filters on the named fields (`status`, `client_id`, `invoice_id`).
fn field_filters(rec: &Record, query: &[(String, String)], keys: &[&str]) -> bool {
    query.iter().filter(|(k, _)| keys.contains(&k.as_str())).all(|(k, v)| text(rec, k).is_some_and(|x| x.eq_ignore_ascii_case(v)))
}

/// Creates through the same validation as the API; used to seed demo data.
pub fn seed_create(store: &mut Store, res: Res, parent: Option<&str>, body: Value) -> Result<String, ApiError> {
    match res {
        Res::Clients => clients::create(store, &body),
        Res::Contacts => contacts::create(store, parent.unwrap_or_default(), &body),
        Res::Estimates => estimates::create(store, &body),
        Res::Invoices => invoices::create(store, &body),
        Res::Recurring => recurring::create(store, &body),
        Res::Payments => payments::create(store, &body),
        Res::Taxes | Res::Units | Res::Items => catalog::create(store, res, &body),
    }
}

/// Sends or moves documents while seeding.
pub fn seed_send(store: &mut Store, res: Res, id: &str) -> Result<(), ApiError> {
    if res == Res::Estimates { estimates::send(store, id) } else { invoices::send(store, id) }
}
