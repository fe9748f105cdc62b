//! Resource handlers (`client.invoices().get(id)`); the models they return are in `models`
//! (and re-exported here, where they have always been reachable).
//!
//! Every resource shares one generic [`Handler`] for list, get, create, update and delete;
//! resource-specific actions (`send`, `convert`, `apply_payment`, `update_status`) are in
//! `actions.rs`.
use std::marker::PhantomData;
use std::time::Duration;

use serde::Serialize;
use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::Value;

use crate::call::Call;
use crate::client::Client as ApiClient;
use crate::error::{Error, Result};
pub use crate::models::*;
use crate::ops::{self, Operation};
use crate::options::RequestOptions;
use crate::pagination::{ItemStream, ListCall, Page, stream};
use crate::response::Response;

mod actions;

/// What a handler's methods return: the data alone, or the data with its HTTP details.
pub trait Mode {
    /// The output for data of type `T`.
    type Out<T>;
    /// Builds the output from a response.
    fn finish<T>(response: Response<T>) -> Self::Out<T>;
    /// Applies `f` to the data of an output.
    fn map<T, U>(out: Self::Out<T>, f: impl FnOnce(T) -> U) -> Self::Out<U>;
}

/// Methods return the data alone (the default).
#[derive(Debug)]
pub struct Data;
impl Mode for Data {
    type Out<T> = T;
    fn finish<T>(response: Response<T>) -> T {
        response.data
    }
    fn map<T, U>(out: T, f: impl FnOnce(T) -> U) -> U {
        f(out)
    }
}

/// Methods return a [`Response`]: data plus status, headers, request id and rate limit.
#[derive(Debug)]
pub struct WithResponse;
impl Mode for WithResponse {
    type Out<T> = Response<T>;
    fn finish<T>(response: Response<T>) -> Response<T> {
        response
    }
    fn map<T, U>(out: Response<T>, f: impl FnOnce(T) -> U) -> Response<U> {
        out.map(f)
    }
}

/// Ties a resource marker to its models and its name in the operation table.
pub trait Resource {
    /// The resource's model.
    type Item: DeserializeOwned + Send + 'static;
    /// The create body.
    type Create: Serialize;
    /// The update body.
    type Update: Serialize;
    /// The resource's name in [`ops::OPERATIONS`].
    const NAME: &'static str;
}

/// Query of a list request: page, page size and filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListParams {
    /// The page, from 1 (default 1). `list_all` ignores it.
    pub page: Option<u64>,
    /// Items per page, 1 to 100 (default 15 for `list`, 100 for `list_all`).
    pub per_page: Option<u64>,
    /// Filters, such as `search` on clients or `status` on invoices.
    pub filters: Vec<(String, String)>,
    /// `list_all` only: stop after this many items.
    pub limit: Option<u64>,
}

impl ListParams {
    /// No page, size or filter: the server's defaults.
    pub fn new() -> Self {
        Self::default()
    }
    /// Sets the page.
    pub fn page(mut self, page: u64) -> Self {
        self.page = Some(page);
        self
    }
    /// Sets the page size.
    pub fn per_page(mut self, per_page: u64) -> Self {
        self.per_page = Some(per_page);
        self
    }
    /// Adds a filter (`search`, `status`, `client_id`, `invoice_id`).
    pub fn filter(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.filters.push((name.into(), value.into()));
        self
    }
    /// `list_all` only: the most items to return.
    pub fn limit(mut self, limit: u64) -> Self {
        self.limit = Some(limit);
        self
    }

    /// The query string pairs. Ranges (`per_page` up to 100) are the server's to judge.
    pub fn to_query(&self, default_per_page: Option<u64>) -> Result<Vec<(String, String)>> {
        let per_page = self.per_page.or(default_per_page);
        let mut q = Vec::with_capacity(self.filters.len() + 2);
        if let Some(p) = self.page {
            q.push(("page".to_string(), p.to_string()));
        }
        if let Some(n) = per_page {
            q.push(("per_page".to_string(), n.to_string()));
        }
        for (k, v) in &self.filters {
            if k == "page" || k == "per_page" {
                return Err(Error::invalid(k.as_str(), "set it with .page() or .per_page(), not as a filter"));
            }
            q.push((k.clone(), v.clone()));
        }
        Ok(q)
    }
}

/// The handler for one resource: `client.clients()`, `client.contacts(client_id)`, ….
pub struct Handler<R: Resource, M: Mode = Data> {
    client: ApiClient,
    parent: Vec<String>,
    options: RequestOptions,
    _marker: PhantomData<fn() -> (R, M)>,
}

impl<R: Resource, M: Mode> Clone for Handler<R, M> {
    fn clone(&self) -> Self {
        Handler { client: self.client.clone(), parent: self.parent.clone(), options: self.options.clone(), _marker: PhantomData }
    }
}

impl<R: Resource, M: Mode> std::fmt::Debug for Handler<R, M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Handler").field("resource", &R::NAME).field("parent", &self.parent).finish()
    }
}

impl<R: Resource, M: Mode> Handler<R, M> {
    pub(crate) fn new(client: ApiClient, parent: Vec<String>) -> Self {
        Handler { client, parent, options: RequestOptions::default(), _marker: PhantomData }
    }

    /// The same handler, whose methods return [`Response`]s with status, headers, request id
    /// and rate limit.
    pub fn with_response(self) -> Handler<R, WithResponse> {
        Handler { client: self.client, parent: self.parent, options: self.options, _marker: PhantomData }
    }

    /// Overrides the client's timeout for this handler's requests.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.options.timeout = Some(timeout);
        self
    }

    /// Overrides the client's retry count for this handler's requests.
    pub fn max_retries(mut self, n: u32) -> Self {
        self.options.max_retries = Some(n);
        self
    }

    /// Adds a header to this handler's requests.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.options.headers.push((name.into(), value.into()));
        self
    }

    /// Sets every per-request option at once (timeout, retries, headers, extra query and body).
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    fn op(&self, action: &str) -> Result<&'static Operation> {
        ops::lookup(R::NAME, action)
    }

    fn ids<'a>(&'a self, id: Option<&'a str>) -> Vec<&'a str> {
        self.parent.iter().map(String::as_str).chain(id).collect()
    }

    /// Runs `action` and decodes its `data` as `T`.
    pub(crate) async fn run<T: DeserializeOwned>(&self, action: &str, id: Option<&str>, body: Option<Value>) -> Result<M::Out<T>> {
        let call = Call::operation(self.op(action)?, &self.ids(id), Vec::new(), body, &self.options)?;
        let response = self.client.execute::<T>(&call, &self.options).await?;
        Ok(M::finish(response.map(|env| env.data)))
    }

    /// One page of the collection.
    pub async fn list(&self, params: &ListParams) -> Result<M::Out<Page<R::Item>>> {
        let call = self.list_call(params, None)?;
        let page = call.fetch::<R::Item>(params.page.unwrap_or(1)).await?;
        Ok(M::finish(page))
    }

    /// Every item of the collection, fetched lazily page by page (100 a page unless
    /// `per_page` says otherwise), stopping after `limit` items if set.
    pub fn list_all(&self, params: &ListParams) -> ItemStream<R::Item> {
        match self.list_call(params, Some(100)) {
            Ok(call) => stream(call, params.limit),
            Err(e) => Box::pin(futures_util::stream::once(async move { Err(e) })),
        }
    }

    fn list_call(&self, params: &ListParams, default_per_page: Option<u64>) -> Result<ListCall> {
        let call = Call::operation(self.op("list")?, &self.ids(None), params.to_query(default_per_page)?, None, &self.options)?;
        Ok(ListCall { client: self.client.clone(), call, options: self.options.clone() })
    }

    /// One item by id.
    pub async fn get(&self, id: &str) -> Result<M::Out<R::Item>> {
        self.run("get", Some(id), None).await
    }

    /// Creates an item. Never retried once the request may have reached the server.
    pub async fn create(&self, body: &R::Create) -> Result<M::Out<R::Item>> {
        self.run("create", None, Some(to_body(body)?)).await
    }

    /// Updates an item; fields left out keep their values.
    pub async fn update(&self, id: &str, body: &R::Update) -> Result<M::Out<R::Item>> {
        self.run("update", Some(id), Some(to_body(body)?)).await
    }

    /// Deletes an item.
    pub async fn delete(&self, id: &str) -> Result<M::Out<()>> {
        let out: M::Out<IgnoredAny> = self.run("delete", Some(id), None).await?;
        Ok(M::map(out, |_| ()))
    }
}

pub(crate) fn to_body<T: Serialize>(body: &T) -> Result<Value> {
    serde_json::to_value(body).map_err(|e| Error::InvalidRequest { message: format!("cannot encode the body: {e}"), field: None })
}

macro_rules! resources {
    ($( $(#[doc = $doc:literal])* $marker:ident $name:literal $item:ty, $create:ty, $update:ty; )*) => {$(
        $(#[doc = $doc])*
        #[derive(Debug)]
        pub struct $marker;
        impl Resource for $marker {
            type Item = $item;
            type Create = $create;
            type Update = $update;
            const NAME: &'static str = $name;
        }
    )*};
}

resources! {
    /// Clients: `client.clients()`.
    Clients "clients" Client, ClientInput, ClientUpdate;
    /// A client's contacts: `client.contacts(client_id)`.
    Contacts "contacts" Contact, ContactInput, ContactInput;
    /// Estimates: `client.estimates()`.
    Estimates "estimates" Estimate, EstimateInput, EstimateUpdate;
    /// Invoices: `client.invoices()`.
    Invoices "invoices" Invoice, InvoiceInput, InvoiceUpdate;
    /// Recurring invoices: `client.recurring_invoices()`.
    RecurringInvoices "recurring_invoices" RecurringInvoice, RecurringInvoiceInput, RecurringInvoiceUpdate;
    /// Payments: `client.payments()`.
    Payments "payments" Payment, PaymentInput, PaymentUpdate;
    /// Taxes: `client.taxes()`.
    Taxes "taxes" Tax, TaxInput, TaxUpdate;
    /// Units of measurement: `client.units()`.
    Units "units" Unit, UnitInput, UnitInput;
    /// Saved line items: `client.items()`.
    Items "items" Item, ItemInput, ItemUpdate;
}

impl ApiClient {
    /// Clients.
    pub fn clients(&self) -> Handler<Clients> {
        Handler::new(self.clone(), Vec::new())
    }
    /// The contacts of one client.
    pub fn contacts(&self, client_id: impl Into<String>) -> Handler<Contacts> {
        Handler::new(self.clone(), vec![client_id.into()])
    }
    /// Estimates.
    pub fn estimates(&self) -> Handler<Estimates> {
        Handler::new(self.clone(), Vec::new())
    }
    /// Invoices.
    pub fn invoices(&self) -> Handler<Invoices> {
        Handler::new(self.clone(), Vec::new())
    }
    /// Recurring invoices.
    pub fn recurring_invoices(&self) -> Handler<RecurringInvoices> {
        Handler::new(self.clone(), Vec::new())
    }
    /// Payments.
    pub fn payments(&self) -> Handler<Payments> {
        Handler::new(self.clone(), Vec::new())
    }
    /// Taxes.
    pub fn taxes(&self) -> Handler<Taxes> {
        Handler::new(self.clone(), Vec::new())
    }
    /// Units of measurement.
    pub fn units(&self) -> Handler<Units> {
        Handler::new(self.clone(), Vec::new())
    }
    /// Saved line items.
    pub fn items(&self) -> Handler<Items> {
        Handler::new(self.clone(), Vec::new())
    }
}
