#!/usr/bin/env python3
"""Writes spec/openapi.yaml, the machine-readable contract of the Blinksale API.

The API has ~50 operations built from a handful of shapes (CRUD + actions), so the
YAML is generated from the tables below rather than hand-repeated. Run
`python3 spec/generate.py` after editing; `--check` fails if the YAML is stale.

Every operation carries `x-source`: `documented` when the public docs have a page
for it, `inferred` when they only name the resource (see shared digest §3, §5.4),
and `x-permission`: the token permission it needs (digest §2.3).
"""
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).with_name("openapi.yaml")

# ---------------------------------------------------------------- helpers


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def s(type_, **kw):
    return {"type": type_, **kw}


def nullable(type_, **kw):
    return {"type": [type_, "null"], **kw}


def obj(props, required=(), extra=True, **kw):
    out = {"type": "object", "properties": props}
    if required:
        out["required"] = list(required)
    if not extra:
        out["additionalProperties"] = False
    out.update(kw)
    return out


ID = {"type": "string", "description": "Opaque identifier (ULID-style in practice; do not parse).",
      "minLength": 1}
NULL_ID = {"type": ["string", "null"], "description": "Opaque identifier, or null."}
MONEY = {"type": "number", "description": "Amount in major units. Decode as an exact decimal."}
NULL_MONEY = {"type": ["number", "null"], "description": "Amount in major units, or null."}
PERCENT = {"type": "number", "minimum": 0, "maximum": 100}
DATE = {"type": "string", "format": "date"}
NULL_DATE = {"type": ["string", "null"], "format": "date"}
TIMESTAMP = {"type": "string", "format": "date-time"}
TEXT = {"type": ["string", "null"]}


def known(*values, nullable_=False):
    """A response enum: the documented values are listed, but others may appear."""
    return {"type": ["string", "null"] if nullable_ else "string",
            "x-known-values": list(values),
            "description": "Known values: " + ", ".join(values) + ". Other values may appear."}


def enum_in(*values, nullable_=False):
    """A request enum: the server validates against these values."""
    out = {"type": ["string", "null"] if nullable_ else "string", "enum": list(values)}
    if nullable_:
        out["enum"] = list(values) + [None]
    return out


# Enum value sets: the documented ones plus those implied by the product docs (digest §2.13).
KIND = ("BUSINESS", "INDIVIDUAL")
TAX_DIST = ("PER_DOCUMENT", "PER_ITEM")
DISC_DIST = ("NO_DISCOUNT", "PER_DOCUMENT", "PER_ITEM")
DISC_TYPE = ("PERCENTAGE", "FIXED")
NET_TERMS = ("DUE_ON_RECEIPT", "NET15", "NET30", "NET45", "NET60")
LATE_KIND = ("PERCENTAGE", "FIXED")
LATE_INTERVAL = ("ONE_TIME", "DAILY", "WEEKLY", "MONTHLY")
EST_STATUS = ("DRAFT", "SENT", "APPROVED", "DECLINED", "CONVERTED")
INV_STATUS = ("DRAFT", "SENT", "VIEWED", "PARTIAL", "PAID", "OVERDUE", "CANCELED", "REFUNDED")
REC_STATUS = ("ACTIVE", "PAUSED", "COMPLETED", "CANCELED")
FREQUENCY = ("DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "YEARLY")

# ---------------------------------------------------------------- schemas

TIMESTAMPS = {"created_at": TIMESTAMP, "updated_at": TIMESTAMP}

ADDRESS = obj({k: TEXT for k in ("line1", "line2", "city", "state", "zip", "country")})
PROFILE = obj({"company_name": TEXT, "website": TEXT, "phone": TEXT, "fax": TEXT,
               "tax_name": TEXT, "tax_number": TEXT})

CLIENT = obj({
    "id": ID, "name": s("string"), "email": s("string", format="email"),
    "kind": known(*KIND), "kind_name": s("string"),
    "profile": PROFILE, "address": ADDRESS,
    "document_defaults": obj({"currency": s("string")}),
    "contact_count": s("integer", minimum=0), "note_count": s("integer", minimum=0),
    **TIMESTAMPS,
}, ["id", "name", "email", "kind", "created_at", "updated_at"])

CONTACT = obj({"id": ID, "client_id": ID, "name": s("string"), "email": s("string", format="email"),
               "phone": TEXT, **TIMESTAMPS},
              ["id", "client_id", "name", "email", "created_at", "updated_at"])

CONTACT_INPUT = obj({"name": s("string", minLength=1, maxLength=255),
                     "email": s("string", format="email", maxLength=255),
                     "phone": nullable("string", maxLength=50)}, ["name", "email"])

CLIENT_FIELDS = {
    "name": s("string", minLength=1, maxLength=255),
    "email": s("string", format="email", maxLength=255),
    "kind": enum_in(*KIND),
    "profile": PROFILE, "address": ADDRESS,
    "document_defaults": obj({"currency": s("string", pattern="^[A-Z]{3}$")}),
}
CLIENT_INPUT = obj({**CLIENT_FIELDS, "contacts": s("array", items=ref("ContactInput"), maxItems=20,
                    description="Contacts created with the client (inferred).")},
                   ["name", "email"])
CLIENT_UPDATE = obj(CLIENT_FIELDS)

TAX = obj({"id": ID, "organization_id": ID, "name": s("string"), "percent": MONEY,
           "usage_count": s("integer", minimum=0), **TIMESTAMPS},
          ["id", "name", "percent", "created_at", "updated_at"])
TAX_FIELDS = {"name": s("string", minLength=1, maxLength=255), "percent": PERCENT}
TAX_INPUT = obj(TAX_FIELDS, ["name", "percent"])
TAX_UPDATE = obj(TAX_FIELDS)

UNIT = obj({"id": ID, "organization_id": ID, "name": s("string"),
            "usage_count": s("integer", minimum=0), **TIMESTAMPS},
           ["id", "name", "created_at", "updated_at"])
UNIT_INPUT = obj({"name": s("string", minLength=1, maxLength=255)}, ["name"])

ITEM = obj({"id": ID, "organization_id": ID, "name": s("string"), "description": TEXT,
            "price": MONEY, "unit_of_measurement_id": NULL_ID, "unit_name": TEXT,
            "tax_id": NULL_ID, "tax_name": TEXT, "tax_percent": NULL_MONEY, **TIMESTAMPS},
           ["id", "name", "price", "created_at", "updated_at"])
ITEM_FIELDS = {"name": s("string", minLength=1, maxLength=255), "description": nullable("string"),
               "price": s("number", minimum=0), "unit_of_measurement_id": NULL_ID, "tax_id": NULL_ID}
ITEM_INPUT = obj(ITEM_FIELDS, ["name", "price"])
ITEM_UPDATE = obj(ITEM_FIELDS)

LINE_ITEM = obj({
    "id": ID, "name": s("string"), "description": TEXT, "quantity": MONEY, "price": MONEY,
    "unit_of_measurement_id": NULL_ID, "unit_name": TEXT,
    "tax_id": NULL_ID, "tax_name": TEXT, "tax_percent": NULL_MONEY,
    "discount_type": known(*DISC_TYPE, nullable_=True), "discount_value": NULL_MONEY,
    "total": MONEY,
}, ["id", "name", "quantity", "price", "total"])

LINE_ITEM_INPUT = obj({
    "id": s("string", description="An existing line item's id: that item is updated in place."),
    "name": s("string", minLength=1, maxLength=255), "description": nullable("string"),
    "quantity": s("number", exclusiveMinimum=0), "price": s("number", minimum=0),
    "unit_of_measurement_id": NULL_ID, "tax_id": NULL_ID, "tax_name": nullable("string"),
    "tax_percent": {"type": ["number", "null"], "minimum": 0, "maximum": 100},
    "discount_type": enum_in(*DISC_TYPE, nullable_=True),
    "discount_value": {"type": ["number", "null"], "minimum": 0},
}, ["name", "quantity", "price"])

DOC_COMMON = {
    "id": ID, "organization_id": ID, "client_id": ID,
    "prefix": s("string"), "number": s("integer"),
    "currency": s("string"), "currency_name": s("string"), "currency_symbol": s("string"),
    "tax_id": NULL_ID, "tax_name": TEXT, "tax_percent": NULL_MONEY,
    "tax_distribution": known(*TAX_DIST), "tax_distribution_name": s("string"),
    "discount_type": known(*DISC_TYPE, nullable_=True), "discount_type_name": TEXT,
    "discount_value": NULL_MONEY,
    "discount_distribution": known(*DISC_DIST), "discount_distribution_name": s("string"),
    "shipping": MONEY, "total": MONEY, "notes": TEXT, "options": s("object"),
    "is_editable": s("boolean"),
    "items": s("array", items=ref("LineItem"),
               description="Line items (the docs do not show this field's name; inferred)."),
    "client": ref("Client"),
    "organization": obj({"id": ID, "name": s("string")}),
    **TIMESTAMPS,
}
DOC_REQUIRED = ["id", "client_id", "currency", "total", "status", "items", "created_at", "updated_at"]

ESTIMATE = obj({**DOC_COMMON, "estimate_number": s("string"),
                "status": known(*EST_STATUS), "status_name": s("string")},
               DOC_REQUIRED + ["estimate_number"])

INVOICE = obj({
    **DOC_COMMON, "invoice_number": s("string"),
    "converted_from": NULL_ID, "converted_from_number": TEXT,
    "net_terms": known(*NET_TERMS), "net_terms_name": s("string"),
    "has_late_fee": s("boolean"),
    "late_fee_kind": known(*LATE_KIND, nullable_=True), "late_fee_kind_name": TEXT,
    "late_fee_interval": known(*LATE_INTERVAL, nullable_=True), "late_fee_interval_name": TEXT,
    "late_fee": NULL_MONEY, "next_late_fee_update_at": nullable("string", format="date-time"),
    "total_late_fee": MONEY, "total_paid": MONEY, "total_due": MONEY, "total_due_unsettled": MONEY,
    "issued_at": DATE, "due_at": DATE,
    "status": known(*INV_STATUS), "status_name": s("string"),
}, DOC_REQUIRED + ["invoice_number", "total_paid", "total_due", "issued_at", "due_at"])

DOC_INPUT = {
    "client_id": ID, "currency": s("string", pattern="^[A-Z]{3}$"),
    "tax_id": NULL_ID, "tax_distribution": enum_in(*TAX_DIST),
    "discount_type": enum_in(*DISC_TYPE, nullable_=True),
    "discount_value": {"type": ["number", "null"], "minimum": 0},
    "discount_distribution": enum_in(*DISC_DIST),
    "shipping": s("number", minimum=0), "notes": nullable("string"), "options": s("object"),
    "line_items": s("array", items=ref("LineItemInput"), minItems=1, maxItems=100),
}
LATE_FEE_INPUT = {
    "net_terms": enum_in(*NET_TERMS), "has_late_fee": s("boolean"),
    "late_fee_kind": enum_in(*LATE_KIND, nullable_=True),
    "late_fee_interval": enum_in(*LATE_INTERVAL, nullable_=True),
    "late_fee": {"type": ["number", "null"], "minimum": 0},
}
ESTIMATE_INPUT = obj(DOC_INPUT, ["client_id", "line_items"])
ESTIMATE_UPDATE = obj(DOC_INPUT)
INVOICE_FIELDS = {**DOC_INPUT, **LATE_FEE_INPUT, "issued_at": DATE, "due_at": DATE}
INVOICE_INPUT = obj(INVOICE_FIELDS, ["client_id", "line_items"])
INVOICE_UPDATE = obj(INVOICE_FIELDS)

PAYMENT = obj({"id": ID, "organization_id": ID, "invoice_id": ID, "amount": MONEY,
               "is_settled": s("boolean"), "payment_date": NULL_DATE, "notes": TEXT, **TIMESTAMPS},
              ["id", "invoice_id", "amount", "is_settled", "created_at", "updated_at"])
PAYMENT_FIELDS = {"amount": s("number", exclusiveMinimum=0), "payment_date": NULL_DATE,
                  "is_settled": s("boolean", default=True), "notes": nullable("string")}
PAYMENT_INPUT = obj({"invoice_id": ID, **PAYMENT_FIELDS}, ["invoice_id", "amount"])
PAYMENT_UPDATE = obj(PAYMENT_FIELDS, ["amount"])
APPLY_PAYMENT_INPUT = obj(PAYMENT_FIELDS, ["amount"])
APPLIED_PAYMENT = obj({"payment": ref("Payment"), "invoice": ref("Invoice")}, ["payment", "invoice"])

TEMPLATE = obj({
    "id": ID, "currency": s("string"), "tax_id": NULL_ID, "tax_name": TEXT, "tax_percent": NULL_MONEY,
    "tax_distribution": known(*TAX_DIST), "discount_type": known(*DISC_TYPE, nullable_=True),
    "discount_value": NULL_MONEY, "discount_distribution": known(*DISC_DIST),
    "net_terms": known(*NET_TERMS), "has_late_fee": s("boolean"),
    "late_fee_kind": known(*LATE_KIND, nullable_=True),
    "late_fee_interval": known(*LATE_INTERVAL, nullable_=True), "late_fee": NULL_MONEY,
    "shipping": MONEY, "notes": TEXT, "options": s("object"),
    "items": s("array", items=ref("LineItem")), "total": MONEY,
}, ["id", "currency", "items"])

RECURRING = obj({
    "id": ID, "organization_id": ID, "client_id": ID, "name": TEXT,
    "frequency": known(*FREQUENCY), "frequency_name": s("string"),
    "status": known(*REC_STATUS), "status_name": s("string"),
    "start_date": DATE, "end_date": NULL_DATE, "max_occurrences": nullable("integer"),
    "occurrences": s("integer", minimum=0), "last_generated_date": NULL_DATE, "next_date": NULL_DATE,
    "client": ref("Client"), "template": ref("RecurringTemplate"), **TIMESTAMPS,
}, ["id", "client_id", "frequency", "status", "start_date", "template", "created_at", "updated_at"])

RECURRING_FIELDS = {
    "client_id": ID, "name": nullable("string", maxLength=255), "frequency": enum_in(*FREQUENCY),
    "start_date": DATE, "end_date": NULL_DATE,
    "max_occurrences": {"type": ["integer", "null"], "minimum": 1},
    **{k: v for k, v in DOC_INPUT.items() if k not in ("client_id", "line_items")},
    **LATE_FEE_INPUT,
    "template_items": s("array", items=ref("LineItemInput"), maxItems=100,
                        description="Request name of the template's line items; responses call them template.items."),
}
RECURRING_INPUT = obj(RECURRING_FIELDS, ["client_id", "frequency", "start_date"])
RECURRING_UPDATE = obj(RECURRING_FIELDS)
RECURRING_STATUS_INPUT = obj({"status": enum_in("ACTIVE", "PAUSED", "CANCELED",
                              )}, ["status"],
                             description="COMPLETED is set by the server only.")

PAGE_LINK = obj({"url": TEXT, "label": s("string"), "active": s("boolean")}, ["label", "active"])
META = obj({
    "current_page": s("integer", minimum=1), "from": nullable("integer"),
    "last_page": s("integer", minimum=1), "path": s("string"), "per_page": s("integer", minimum=1),
    "to": nullable("integer"), "total": s("integer", minimum=0),
    "links": s("array", items=ref("PageLink"),
               description="Laravel-style link list, as the endpoint pages show it."),
}, ["current_page", "last_page", "per_page", "total"])
LINKS = obj({"first": TEXT, "last": TEXT, "prev": TEXT, "next": TEXT},
            description="Top-level links, as the pagination guide shows them.")
ERROR = obj({"success": {"const": False}, "message": s("string"),
             "errors": s("object", additionalProperties=s("array", items=s("string")),
                         description="Field name to messages (422 only).")},
            ["success", "message"])

SCHEMAS = {
    "Address": ADDRESS, "ClientProfile": PROFILE,
    "Client": CLIENT, "ClientInput": CLIENT_INPUT, "ClientUpdate": CLIENT_UPDATE,
    "Contact": CONTACT, "ContactInput": CONTACT_INPUT,
    "Tax": TAX, "TaxInput": TAX_INPUT, "TaxUpdate": TAX_UPDATE,
    "Unit": UNIT, "UnitInput": UNIT_INPUT,
    "Item": ITEM, "ItemInput": ITEM_INPUT, "ItemUpdate": ITEM_UPDATE,
    "LineItem": LINE_ITEM, "LineItemInput": LINE_ITEM_INPUT,
    "Estimate": ESTIMATE, "EstimateInput": ESTIMATE_INPUT, "EstimateUpdate": ESTIMATE_UPDATE,
    "Invoice": INVOICE, "InvoiceInput": INVOICE_INPUT, "InvoiceUpdate": INVOICE_UPDATE,
    "Payment": PAYMENT, "PaymentInput": PAYMENT_INPUT, "PaymentUpdate": PAYMENT_UPDATE,
    "ApplyPaymentInput": APPLY_PAYMENT_INPUT, "AppliedPayment": APPLIED_PAYMENT,
    "RecurringTemplate": TEMPLATE, "RecurringInvoice": RECURRING,
    "RecurringInvoiceInput": RECURRING_INPUT, "RecurringInvoiceUpdate": RECURRING_UPDATE,
    "RecurringStatusInput": RECURRING_STATUS_INPUT,
    "PageLink": PAGE_LINK, "PaginationMeta": META, "PaginationLinks": LINKS, "Error": ERROR,
}

# ---------------------------------------------------------------- operations

RL_HEADERS = {
    "X-RateLimit-Limit": {"$ref": "#/components/headers/RateLimitLimit"},
    "X-RateLimit-Remaining": {"$ref": "#/components/headers/RateLimitRemaining"},
    "X-RateLimit-Reset": {"$ref": "#/components/headers/RateLimitReset"},
}
ERROR_TEXT = {
    "400": "Invalid JSON body.", "401": "Missing, unknown or expired token (`Unauthenticated.`).",
    "403": "The token lacks the permission this operation needs.",
    "404": "No such resource (`Resource not found.`).",
    "413": "Body larger than 1 MiB.", "422": "Validation error, with per-field `errors`; also a request the resource's state does not allow.",
    "429": "Rate limit exceeded; wait `Retry-After` seconds.", "500": "Server failure.",
}


def error_response(code):
    r = {"$ref": f"#/components/responses/E{code}"}
    return r


def envelope(data_schema, paginated=False):
    props = {"success": {"const": True}, "message": s("string"), "data": data_schema}
    req = ["success", "message", "data"]
    if paginated:
        props["meta"] = ref("PaginationMeta")
        props["links"] = ref("PaginationLinks")
    return obj(props, req)


def op(op_id, summary, *, source, permission, tag, success, data, body=None, path_ids=(),
       query=(), paginated=False, desc=None):
    o = {
        "operationId": op_id, "summary": summary, "tags": [tag],
        "x-source": source, "x-permission": permission,
    }
    if desc:
        o["description"] = desc
    params = [{"$ref": f"#/components/parameters/{p}"} for p in path_ids]
    params += list(query)
    if params:
        o["parameters"] = params
    if body:
        o["requestBody"] = {"required": True,
                            "content": {"application/json": {"schema": ref(body)}}}
    responses = {str(success): {
        "description": "Success.", "headers": RL_HEADERS,
        "content": {"application/json": {"schema": envelope(data, paginated)}},
    }}
    # 422 is possible everywhere: invalid input, and business rules on deletes and actions.
    codes = ["401", "403", "422", "429", "500"]
    if path_ids:
        codes.append("404")
    if body:
        codes += ["400", "413"]
    for c in sorted(codes):
        responses[c] = error_response(c)
    o["responses"] = responses
    return o


def qparam(name, schema, desc):
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": desc}


PAGE_PARAMS = [{"$ref": "#/components/parameters/page"}, {"$ref": "#/components/parameters/per_page"}]

# (tag, collection path, item id param, model, create body, update body, list filters, docs)
# docs: which of list/get/create/update/delete have a documentation page.
RESOURCES = [
    ("clients", "/clients", "clientId", "Client", "ClientInput", "ClientUpdate",
     [qparam("search", s("string"),
             "Filter by name or email. The docs describe this filter without naming it (inferred name).")],
     {"list", "get"}),
    ("contacts", "/clients/{clientId}/contacts", "contactId", "Contact", "ContactInput", "ContactInput",
     [], {"update"}),
    ("estimates", "/estimates", "estimateId", "Estimate", "EstimateInput", "EstimateUpdate",
     [qparam("status", s("string"), "Filter by status (inferred)."),
      qparam("client_id", s("string"), "Filter by client (inferred).")],
     {"list", "update"}),
    ("invoices", "/invoices", "invoiceId", "Invoice", "InvoiceInput", "InvoiceUpdate",
     [qparam("status", s("string"), "Filter by status (inferred)."),
      qparam("client_id", s("string"), "Filter by client (inferred).")],
     set()),
    ("recurring-invoices", "/recurring-invoices", "recurringInvoiceId", "RecurringInvoice",
     "RecurringInvoiceInput", "RecurringInvoiceUpdate",
     [qparam("status", s("string"), "Filter by status (inferred)."),
      qparam("client_id", s("string"), "Filter by client (inferred).")],
     {"list", "create", "update"}),
    ("payments", "/payments", "paymentId", "Payment", "PaymentInput", "PaymentUpdate",
     [qparam("invoice_id", s("string"), "Filter by invoice (inferred).")],
     {"create", "get", "update"}),
    ("taxes", "/taxes", "taxId", "Tax", "TaxInput", "TaxUpdate", [], set()),
    ("units", "/units", "unitId", "Unit", "UnitInput", "UnitInput", [], {"list", "get", "update"}),
    ("items", "/items", "itemId", "Item", "ItemInput", "ItemUpdate", [], set()),
]

OP_NAMES = {  # tag -> (singular, plural) for operationIds
    "clients": ("Client", "Clients"), "contacts": ("Contact", "Contacts"),
    "estimates": ("Estimate", "Estimates"), "invoices": ("Invoice", "Invoices"),
    "recurring-invoices": ("RecurringInvoice", "RecurringInvoices"),
    "payments": ("Payment", "Payments"), "taxes": ("Tax", "Taxes"), "units": ("Unit", "Units"),
    "items": ("Item", "Items"),
}
LABELS = {"Item": "saved line item", "RecurringInvoice": "recurring invoice"}


def src(flag):
    return "documented" if flag else "inferred"


def build_paths():
    paths = {}
    for tag, coll, pid, model, create_body, update_body, filters, documented in RESOURCES:
        one, many = OP_NAMES[tag]
        label = LABELS.get(model, model.lower())
        a = "an" if label[0] in "aeiou" else "a"
        labels = f"{label}es" if label.endswith("x") else f"{label}s"
        parent = ["clientId"] if tag == "contacts" else []
        item_path = f"{coll}/{{{pid}}}"
        paths[coll] = {
            "get": op(f"list{many}", f"List {labels}", source=src("list" in documented),
                      permission="read", tag=tag, success=200, data=s("array", items=ref(model)),
                      path_ids=parent, query=PAGE_PARAMS + filters, paginated=True),
            "post": op(f"create{one}", f"Create {a} {label}", source=src("create" in documented),
                       permission="write", tag=tag, success=201, data=ref(model), body=create_body,
                       path_ids=parent),
        }
        paths[item_path] = {
            "get": op(f"get{one}", f"Get {a} {label}", source=src("get" in documented),
                      permission="read", tag=tag, success=200, data=ref(model),
                      path_ids=parent + [pid]),
            "put": op(f"update{one}", f"Update {a} {label}", source=src("update" in documented),
                      permission="write", tag=tag, success=200, data=ref(model), body=update_body,
                      path_ids=parent + [pid],
                      desc="Fields left out keep their values (inferred; the docs do not say "
                           "whether PUT replaces the resource)."),
            "delete": op(f"delete{one}", f"Delete {a} {label}", source="inferred",
                         permission="write", tag=tag, success=200, data={"type": "null"},
                         path_ids=parent + [pid]),
        }
    paths["/estimates/{estimateId}/send"] = {"post": op(
        "sendEstimate", "Send an estimate by email", source="inferred", permission="send",
        tag="estimates", success=200, data=ref("Estimate"), path_ids=["estimateId"],
        desc="Moves the estimate to SENT.")}
    paths["/estimates/{estimateId}/convert"] = {"post": op(
        "convertEstimate", "Convert an estimate to an invoice", source="inferred", permission="write",
        tag="estimates", success=201, data=ref("Invoice"), path_ids=["estimateId"],
        desc="Creates an invoice whose `converted_from` is the estimate; the estimate becomes CONVERTED.")}
    paths["/invoices/{invoiceId}/send"] = {"post": op(
        "sendInvoice", "Send an invoice by email", source="inferred", permission="send",
        tag="invoices", success=200, data=ref("Invoice"), path_ids=["invoiceId"],
        desc="Moves a DRAFT invoice to SENT.")}
    paths["/invoices/{invoiceId}/payments"] = {"post": op(
        "applyInvoicePayment", "Apply payment to invoice", source="documented", permission="write",
        tag="invoices", success=201, data=ref("AppliedPayment"), body="ApplyPaymentInput",
        path_ids=["invoiceId"],
        desc="Records a payment and returns it with the updated invoice (total_paid, total_due, status).")}
    paths["/recurring-invoices/{recurringInvoiceId}/status"] = {"patch": op(
        "updateRecurringInvoiceStatus", "Update recurring invoice status", source="documented",
        permission="write", tag="recurring-invoices", success=200, data=ref("RecurringInvoice"),
        body="RecurringStatusInput", path_ids=["recurringInvoiceId"])}
    return paths


def components():
    params = {
        "page": qparam("page", s("integer", minimum=1, default=1), "1-based page number."),
        "per_page": qparam("per_page", s("integer", minimum=1, maximum=100, default=15),
                           "Items per page (default 15; the mock caps it at 100)."),
    }
    for _, _, pid, model, *_ in RESOURCES:
        params[pid] = {"name": pid, "in": "path", "required": True,
                       "schema": {"type": "string", "minLength": 1, "pattern": "^[^/]+$"},
                       "description": f"The {LABELS.get(model, model.lower())}'s id."}
    params["clientId"]["description"] = "The client's id."
    responses = {}
    for code, text in ERROR_TEXT.items():
        headers = dict(RL_HEADERS)
        if code == "429":
            headers["Retry-After"] = {"$ref": "#/components/headers/RetryAfter"}
        responses[f"E{code}"] = {"description": text, "headers": headers,
                                 "content": {"application/json": {"schema": ref("Error")}}}
    return {
        "securitySchemes": {"bearerAuth": {
            "type": "http", "scheme": "bearer",
            "description": "An API token from Settings → API. Its permissions (read, write, send) "
                           "decide which operations it may call: GET needs read, writes need write, "
                           "send actions need send (inferred mapping)."}},
        "headers": {
            "RateLimitLimit": {"required": True, "description": "Requests allowed per window (120 a minute).",
                               "schema": s("integer", minimum=0)},
            "RateLimitRemaining": {"required": True, "description": "Requests left in this window.",
                                   "schema": s("integer", minimum=0)},
            "RateLimitReset": {"required": True,
                               "description": "Seconds until the window resets. Clients should also accept an "
                                              "epoch timestamp here (the docs are ambiguous).",
                               "schema": s("integer", minimum=0)},
            "RetryAfter": {"required": True, "description": "Seconds to wait before retrying.",
                           "schema": s("integer", minimum=0)},
        },
        "parameters": params,
        "responses": responses,
        "schemas": SCHEMAS,
    }


def spec():
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Blinksale API", "version": "1.0.0",
            "description": "JSON REST API of the Blinksale invoicing service. Operations marked "
                           "`x-source: documented` follow a page of the public docs; `x-source: inferred` "
                           "operations follow the docs' conventions where the docs only name the resource.",
        },
        "servers": [{"url": "https://app.blinksale.com/api/v1"}],
        "security": [{"bearerAuth": []}],
        "tags": [{"name": t} for t in OP_NAMES],
        "paths": build_paths(),
        "components": components(),
    }


# ---------------------------------------------------------------- YAML emitter (no dependencies)

PLAIN = re.compile(r"^[A-Za-z_/][A-Za-z0-9_ ./{}()-]*$")
RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}


def scalar(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return json.dumps(v)
    if PLAIN.match(v) and v.lower() not in RESERVED and not v.endswith(" ") and ": " not in v:
        return v
    return json.dumps(v, ensure_ascii=False)


def emit(v, indent=0):
    pad = "  " * indent
    lines = []
    if isinstance(v, dict):
        for k, x in v.items():
            key = scalar(str(k))
            if isinstance(x, (dict, list)) and x:
                lines.append(f"{pad}{key}:")
                lines.extend(emit(x, indent + 1))
            else:
                lines.append(f"{pad}{key}: {'{}' if x == {} else '[]' if x == [] else scalar(x)}")
    else:
        for x in v:
            if isinstance(x, (dict, list)) and x:
                sub = emit(x, indent + 1)
                lines.append(f"{pad}- {sub[0].lstrip()}")
                lines.extend(sub[1:])
            else:
                lines.append(f"{pad}- {scalar(x)}")
    return lines


def render():
    head = "# Generated by spec/generate.py; edit that file and run it again.\n"
    return head + "\n".join(emit(spec())) + "\n"


if __name__ == "__main__":
    text = render()
    if "--check" in sys.argv:
        if not OUT.exists() or OUT.read_text() != text:
            sys.exit("spec/openapi.yaml is stale: run python3 spec/generate.py")
        print("spec/openapi.yaml is up to date")
    else:
        OUT.write_text(text)
        ops = text.count("operationId:")
        print(f"wrote {OUT} ({ops} operations, {text.count('x-source: documented')} documented)")
