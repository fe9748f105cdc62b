//! Every operation of the API (`spec/openapi.yaml`), as data: method, path, permission,
//! request body model and where the docs stand. Typed handlers and the bindings all send
//! requests through this table.
use crate::describe::{Model, ModelDesc};
use crate::error::{Error, Permission, Result};
pub use crate::method::Method;

/// Whether the public docs have a page for the operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The docs have a page for it.
    Documented,
    /// The docs name the resource only; method, path and body follow their conventions.
    Inferred,
}

/// What an operation's response carries in `data`.
#[derive(Clone, Copy, Debug)]
pub enum Output {
    /// Nothing (`null`).
    Nothing,
    /// One object of this model.
    One(fn() -> ModelDesc),
    /// A page of this model.
    List(fn() -> ModelDesc),
}

impl Output {
    /// The model's description, if there is one.
    pub fn model(&self) -> Option<ModelDesc> {
        match self {
            Output::Nothing => None,
            Output::One(d) | Output::List(d) => Some(d()),
        }
    }
}

/// One API operation.
#[derive(Clone, Copy, Debug)]
pub struct Operation {
    /// The spec's `operationId`.
    pub id: &'static str,
    /// The resource it belongs to (`clients`, `recurring_invoices`, …).
    pub resource: &'static str,
    /// The method name on that resource (`list`, `create`, `send`, …).
    pub action: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path below the base URL, with `{name}` for each id.
    pub path: &'static str,
    /// The permission the token needs.
    pub permission: Permission,
    /// Documented or inferred.
    pub source: Source,
    /// The request body's model, if it takes one.
    pub input: Option<fn() -> ModelDesc>,
    /// The response's `data`: a model, a list of one, or nothing.
    pub output: Output,
    /// Query filters a list takes besides `page` and `per_page`.
    pub filters: &'static [&'static str],
    /// The HTTP status of success: 201 when it makes a new resource, else 200.
    pub status: u16,
    /// One line saying what it does (the spec's `summary`).
    pub summary: &'static str,
    /// What else to know about it (the spec's `description`).
    pub note: Option<&'static str>,
}

/// The note of every update: the docs do not say whether PUT replaces the resource.
const PARTIAL: &str = "Fields left out keep their values (inferred; the docs do not say whether PUT replaces the resource).";

/// What each list filter does: a name means the same on every list that takes it.
pub const FILTERS: &[(&str, &str)] = &[
    ("search", "Filter by name or email. The docs describe this filter without naming it (inferred name)."),
    ("status", "Filter by status (inferred)."),
    ("client_id", "Filter by client (inferred)."),
    ("invoice_id", "Filter by invoice (inferred)."),
];

/// What a list filter does.
pub fn filter_doc(name: &str) -> &'static str {
    FILTERS.iter().find(|(n, _)| *n == name).map_or("", |(_, doc)| doc)
}

impl Operation {
    /// Whether the response is a page of items.
    pub fn paginated(&self) -> bool {
        self.action == "list"
    }

    /// Names of the path's ids, in order (`["clientId", "contactId"]`).
    pub fn path_params(&self) -> Vec<&'static str> {
        self.path.split('/').filter_map(|s| s.strip_prefix('{')?.strip_suffix('}')).collect()
    }

    /// The path with each `{id}` filled in and percent-encoded. Empty ids are refused.
    pub fn fill_path(&self, ids: &[&str]) -> Result<String> {
        let names = self.path_params();
        if names.len() != ids.len() {
            return Err(Error::InvalidRequest {
                message: format!("{} takes {} id(s) ({}), got {}", self.id, names.len(), names.join(", "), ids.len()),
                field: None,
            });
        }
        let mut out = String::with_capacity(self.path.len() + 32);
        let mut ids = ids.iter().zip(&names);
        for seg in self.path.split('/').filter(|s| !s.is_empty()) {
            out.push('/');
            if seg.starts_with('{') {
                let (id, name) = ids.next().ok_or_else(|| Error::invalid(seg, "missing id"))?;
                if id.trim().is_empty() {
                    return Err(Error::invalid(*name, "must not be empty"));
                }
                out.push_str(&encode_segment(id));
            } else {
                out.push_str(seg);
            }
        }
        Ok(out)
    }
}

/// Percent-encodes one path segment, so an id can never change the path.
fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The permission a request needs, by the docs' rule: GET reads, send actions send, the rest
/// writes. Used for requests made outside the table (the raw escape hatch).
pub fn permission_for(method: Method, path: &str) -> Permission {
    if method == Method::Get {
        Permission::Read
    } else if path.trim_end_matches('/').ends_with("/send") {
        Permission::Send
    } else {
        Permission::Write
    }
}

macro_rules! ops {
    ($( $id:literal $res:literal $action:literal $method:ident $path:literal $perm:ident $src:ident $input:tt $output:tt [$($filter:literal),*] $status:literal $summary:literal $note:tt; )*) => {
        /// Every operation, in the spec's order.
        pub static OPERATIONS: &[Operation] = &[$(
            Operation {
                id: $id, resource: $res, action: $action, method: Method::$method, path: $path,
                permission: Permission::$perm, source: Source::$src, input: ops!(@input $input), output: ops!(@output $output),
                filters: &[$($filter),*], status: $status, summary: $summary, note: ops!(@note $note),
            },
        )*];
    };
    (@note -) => { None };
    (@note $note:tt) => { Some($note) };
    (@input -) => { None };
    (@input $model:ident) => { Some(<crate::models::$model as Model>::describe as fn() -> ModelDesc) };
    (@output -) => { Output::Nothing };
    (@output [$model:ident]) => { Output::List(<crate::models::$model as Model>::describe) };
    (@output $model:ident) => { Output::One(<crate::models::$model as Model>::describe) };
}

ops! {
    "listClients" "clients" "list" Get "/clients" Read Documented - [Client] ["search"] 200 "List clients" -;
    "createClient" "clients" "create" Post "/clients" Write Inferred ClientInput Client [] 201 "Create a client" -;
    "getClient" "clients" "get" Get "/clients/{clientId}" Read Documented - Client [] 200 "Get a client" -;
    "updateClient" "clients" "update" Put "/clients/{clientId}" Write Inferred ClientUpdate Client [] 200 "Update a client" PARTIAL;
    "deleteClient" "clients" "delete" Delete "/clients/{clientId}" Write Inferred - - [] 200 "Delete a client" -;
    "listContacts" "contacts" "list" Get "/clients/{clientId}/contacts" Read Inferred - [Contact] [] 200 "List contacts" -;
    "createContact" "contacts" "create" Post "/clients/{clientId}/contacts" Write Inferred ContactInput Contact [] 201 "Create a contact" -;
    "getContact" "contacts" "get" Get "/clients/{clientId}/contacts/{contactId}" Read Inferred - Contact [] 200 "Get a contact" -;
    "updateContact" "contacts" "update" Put "/clients/{clientId}/contacts/{contactId}" Write Documented ContactInput Contact [] 200 "Update a contact" PARTIAL;
    "deleteContact" "contacts" "delete" Delete "/clients/{clientId}/contacts/{contactId}" Write Inferred - - [] 200 "Delete a contact" -;
    "listEstimates" "estimates" "list" Get "/estimates" Read Documented - [Estimate] ["status", "client_id"] 200 "List estimates" -;
    "createEstimate" "estimates" "create" Post "/estimates" Write Inferred EstimateInput Estimate [] 201 "Create an estimate" -;
    "getEstimate" "estimates" "get" Get "/estimates/{estimateId}" Read Inferred - Estimate [] 200 "Get an estimate" -;
    "updateEstimate" "estimates" "update" Put "/estimates/{estimateId}" Write Documented EstimateUpdate Estimate [] 200 "Update an estimate" PARTIAL;
    "deleteEstimate" "estimates" "delete" Delete "/estimates/{estimateId}" Write Inferred - - [] 200 "Delete an estimate" -;
    "sendEstimate" "estimates" "send" Post "/estimates/{estimateId}/send" Send Inferred - Estimate [] 200 "Send an estimate by email" "Moves the estimate to SENT.";
    "convertEstimate" "estimates" "convert" Post "/estimates/{estimateId}/convert" Write Inferred - Invoice [] 201 "Convert an estimate to an invoice" "Creates an invoice whose `converted_from` is the estimate; the estimate becomes CONVERTED.";
    "listInvoices" "invoices" "list" Get "/invoices" Read Inferred - [Invoice] ["status", "client_id"] 200 "List invoices" -;
    "createInvoice" "invoices" "create" Post "/invoices" Write Inferred InvoiceInput Invoice [] 201 "Create an invoice" -;
    "getInvoice" "invoices" "get" Get "/invoices/{invoiceId}" Read Inferred - Invoice [] 200 "Get an invoice" -;
    "updateInvoice" "invoices" "update" Put "/invoices/{invoiceId}" Write Inferred InvoiceUpdate Invoice [] 200 "Update an invoice" PARTIAL;
    "deleteInvoice" "invoices" "delete" Delete "/invoices/{invoiceId}" Write Inferred - - [] 200 "Delete an invoice" -;
    "sendInvoice" "invoices" "send" Post "/invoices/{invoiceId}/send" Send Inferred - Invoice [] 200 "Send an invoice by email" "Moves a DRAFT invoice to SENT.";
    "applyInvoicePayment" "invoices" "apply_payment" Post "/invoices/{invoiceId}/payments" Write Documented ApplyPaymentInput AppliedPayment [] 201 "Apply payment to invoice" "Records a payment and returns it with the updated invoice (total_paid, total_due, status).";
    "listRecurringInvoices" "recurring_invoices" "list" Get "/recurring-invoices" Read Documented - [RecurringInvoice] ["status", "client_id"] 200 "List recurring invoices" -;
    "createRecurringInvoice" "recurring_invoices" "create" Post "/recurring-invoices" Write Documented RecurringInvoiceInput RecurringInvoice [] 201 "Create a recurring invoice" -;
    "getRecurringInvoice" "recurring_invoices" "get" Get "/recurring-invoices/{recurringInvoiceId}" Read Inferred - RecurringInvoice [] 200 "Get a recurring invoice" -;
    "updateRecurringInvoice" "recurring_invoices" "update" Put "/recurring-invoices/{recurringInvoiceId}" Write Documented RecurringInvoiceUpdate RecurringInvoice [] 200 "Update a recurring invoice" PARTIAL;
    "deleteRecurringInvoice" "recurring_invoices" "delete" Delete "/recurring-invoices/{recurringInvoiceId}" Write Inferred - - [] 200 "Delete a recurring invoice" -;
    "updateRecurringInvoiceStatus" "recurring_invoices" "update_status" Patch "/recurring-invoices/{recurringInvoiceId}/status" Write Documented RecurringStatusInput RecurringInvoice [] 200 "Update recurring invoice status" -;
    "listPayments" "payments" "list" Get "/payments" Read Inferred - [Payment] ["invoice_id"] 200 "List payments" -;
    "createPayment" "payments" "create" Post "/payments" Write Documented PaymentInput Payment [] 201 "Create a payment" -;
    "getPayment" "payments" "get" Get "/payments/{paymentId}" Read Documented - Payment [] 200 "Get a payment" -;
    "updatePayment" "payments" "update" Put "/payments/{paymentId}" Write Documented PaymentUpdate Payment [] 200 "Update a payment" PARTIAL;
    "deletePayment" "payments" "delete" Delete "/payments/{paymentId}" Write Inferred - - [] 200 "Delete a payment" -;
    "listTaxes" "taxes" "list" Get "/taxes" Read Inferred - [Tax] [] 200 "List taxes" -;
    "createTax" "taxes" "create" Post "/taxes" Write Inferred TaxInput Tax [] 201 "Create a tax" -;
    "getTax" "taxes" "get" Get "/taxes/{taxId}" Read Inferred - Tax [] 200 "Get a tax" -;
    "updateTax" "taxes" "update" Put "/taxes/{taxId}" Write Inferred TaxUpdate Tax [] 200 "Update a tax" PARTIAL;
    "deleteTax" "taxes" "delete" Delete "/taxes/{taxId}" Write Inferred - - [] 200 "Delete a tax" -;
    "listUnits" "units" "list" Get "/units" Read Documented - [Unit] [] 200 "List units" -;
    "createUnit" "units" "create" Post "/units" Write Inferred UnitInput Unit [] 201 "Create a unit" -;
    "getUnit" "units" "get" Get "/units/{unitId}" Read Documented - Unit [] 200 "Get a unit" -;
    "updateUnit" "units" "update" Put "/units/{unitId}" Write Documented UnitInput Unit [] 200 "Update a unit" PARTIAL;
    "deleteUnit" "units" "delete" Delete "/units/{unitId}" Write Inferred - - [] 200 "Delete a unit" -;
    "listItems" "items" "list" Get "/items" Read Inferred - [Item] [] 200 "List saved line items" -;
    "createItem" "items" "create" Post "/items" Write Inferred ItemInput Item [] 201 "Create a saved line item" -;
    "getItem" "items" "get" Get "/items/{itemId}" Read Inferred - Item [] 200 "Get a saved line item" -;
    "updateItem" "items" "update" Put "/items/{itemId}" Write Inferred ItemUpdate Item [] 200 "Update a saved line item" PARTIAL;
    "deleteItem" "items" "delete" Delete "/items/{itemId}" Write Inferred - - [] 200 "Delete a saved line item" -;
}

/// Looks an operation up by its `operationId`.
pub fn find(id: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|o| o.id == id)
}

/// Looks an operation up by resource and action (`"invoices"`, `"send"`).
pub fn lookup(resource: &str, action: &str) -> Result<&'static Operation> {
    OPERATIONS
        .iter()
        .find(|o| o.resource == resource && o.action == action)
        .ok_or_else(|| Error::InvalidRequest { message: format!("no operation {resource}.{action}"), field: None })
}

/// The operation whose path template a concrete path fits (`/invoices/12` → `invoices.get`),
/// for naming a request sent by path in logs and traces.
pub fn matching(method: Method, path: &str) -> Option<&'static Operation> {
    let path = path.split('?').next().unwrap_or("").trim_end_matches('/');
    let fits = |template: &str| {
        let (mut a, mut b) = (template.split('/'), path.split('/'));
        loop {
            match (a.next(), b.next()) {
                (None, None) => return true,
                (Some(t), Some(s)) if t.starts_with('{') && !s.is_empty() => {}
                (Some(t), Some(s)) if t == s => {}
                _ => return false,
            }
        }
    };
    OPERATIONS.iter().find(|op| op.method == method && fits(op.path))
}
