/** Known values. */
export type ClientKind = 'BUSINESS' | 'INDIVIDUAL';
/** Known values. */
export type DiscountType = 'PERCENTAGE' | 'FIXED';
/** Known values. */
export type TaxDistribution = 'PER_DOCUMENT' | 'PER_ITEM';
/** Known values. */
export type DiscountDistribution = 'NO_DISCOUNT' | 'PER_DOCUMENT' | 'PER_ITEM';
/** Known values. */
export type EstimateStatus = 'DRAFT' | 'SENT' | 'APPROVED' | 'DECLINED' | 'CONVERTED';
/** Known values. */
export type NetTerms = 'DUE_ON_RECEIPT' | 'NET15' | 'NET30' | 'NET45' | 'NET60';
/** Known values. */
export type LateFeeKind = 'PERCENTAGE' | 'FIXED';
/** Known values. */
export type LateFeeInterval = 'ONE_TIME' | 'DAILY' | 'WEEKLY' | 'MONTHLY';
/** Known values. */
export type InvoiceStatus = 'DRAFT' | 'SENT' | 'VIEWED' | 'PARTIAL' | 'PAID' | 'OVERDUE' | 'CANCELED' | 'REFUNDED';
/** Known values. */
export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'QUARTERLY' | 'YEARLY';
/** Known values. */
export type RecurringStatus = 'ACTIVE' | 'PAUSED' | 'COMPLETED' | 'CANCELED';
/** A postal address. (Request body.) */
export interface Address {
    /** Street and number. */
    line1?: string | null;
    /** Apartment, suite. */
    line2?: string | null;
    /** City. */
    city?: string | null;
    /** State or province. */
    state?: string | null;
    /** ZIP or postal code. */
    zip?: string | null;
    /** Country (ISO 3166 alpha-2 in the docs' example). */
    country?: string | null;
}
/** Company details of a client. (Request body.) */
export interface ClientProfile {
    /** Company name. */
    company_name?: string | null;
    /** Web site. */
    website?: string | null;
    /** Phone number (inferred field). */
    phone?: string | null;
    /** Fax number (inferred field). */
    fax?: string | null;
    /** Name of the client's tax id (inferred field). */
    tax_name?: string | null;
    /** The client's tax id (inferred field). */
    tax_number?: string | null;
}
/** Defaults for the client's new documents. (Request body.) */
export interface DocumentDefaults {
    /** Preferred currency (ISO 4217); new estimates and invoices use it. */
    currency?: string | null;
}
/** A client. (Response object.) */
export interface Client {
    /** Opaque id. */
    id: string;
    /** Name. */
    name: string;
    /** Billing email. */
    email: string;
    /** Business or individual. */
    kind: ClientKind | (string & {});
    /** Display label of `kind`. */
    kind_name?: string | null;
    /** Company details. */
    profile?: ClientProfile | null;
    /** Postal address. */
    address?: Address | null;
    /** Defaults for new documents. */
    document_defaults?: DocumentDefaults | null;
    /** Number of contacts. */
    contact_count?: number | null;
    /** Number of notes. */
    note_count?: number | null;
    /** When it was created. */
    created_at: string;
    /** When it last changed. */
    updated_at: string;
    /** Fields this version does not know, as the API sent them. */
    [extra: string]: unknown;
}
/** The body of `clients().create()`. Name and email are required. (Request body.) */
export interface NewClient {
    /** Name. */
    name: string;
    /** Billing email. */
    email: string;
    /** Business (default) or individual. */
    kind?: ClientKind | null;
    /** Company details. */
    profile?: ClientProfile | null;
    /** Postal address. */
    address?: Address | null;
    /** Defaults for new documents. */
    document_defaults?: DocumentDefaults | null;
    /** Contacts to create with the client (inferred field). */
    contacts?: Array<ContactInput> | null;
}
/** The body of `clients().update()`: only the fields set are changed. (Request body.) */
export interface ClientUpdate {
    /** Name. */
    name?: string | null;
    /** Billing email. */
    email?: string | null;
    /** Business or individual. */
    kind?: ClientKind | null;
    /** Company details. */
    profile?: ClientProfile | null;
    /** Postal address. */
    address?: Address | null;
    /** Defaults for new documents. */
    document_defaults?: DocumentDefaults | null;
}
/** A contact of a client. (Response object.) */
export interface Contact {
    /** Opaque id. */
    id: string;
    /** The client it belongs to. */
    client_id: string;
    /** Name. */
    name: string;
    /** Email. */
    email: string;
    /** Phone number. */
    phone?: string | null;
    /** When it was created. */
    created_at: string;
    /** When it last changed. */
    updated_at: string;
    /** Fields this version does not know, as the API sent them. */
    [extra: string]: unknown;
}
/** The body of contact create and update: name and email are required, as the docs say. (Request body.) */
export interface ContactInput {
    /** Name. */
    name: string;
    /** Email. */
    email: string;
    /** Phone number. */
    phone?: string | null;
}
/** A saved tax. (Response object.) */
export interface Tax {
    /** Opaque id. */
    id: string;
    /** The organization it belongs to. */
    organization_id?: string | null;
    /** Name ("VAT", "Sales Tax"). */
    name: string;
    /** Rate in percent (inferred field name). */
    percent: number;
    /** How many saved items use it. */
    usage_count?: number | null;
    /** When it was created. */
    created_at: string;
    /** When it last changed. */
    updated_at: string;
    /** Fields this version does not know, as the API sent them. */
    [extra: string]: unknown;
}
/** The body of `taxes().create()`. (Request body.) */
export interface NewTax {
    /** Name. */
    name: string;
    /** Rate in percent, 0 to 100. */
    percent: number | string;
}
/** The body of `taxes().update()`. (Request body.) */
export interface TaxUpdate {
    /** Name. */
    name?: string | null;
    /** Rate in percent, 0 to 100. */
    percent?: number | string | null;
}
/** A unit of measurement. (Response object.) */
export interface Unit {
    /** Opaque id. */
    id: string;
    /** The organization it belongs to. */
    organization_id?: string | null;
    /** Name. */
    name: string;
    /** How many saved items use it. */
    usage_count?: number | null;
    /** When it was created. */
    created_at: string;
    /** When it last changed. */
    updated_at: string;
    /** Fields this version does not know, as the API sent them. */
    [extra: string]: unknown;
}
/** The body of unit create and update: a name, as the docs' update page requires. (Request body.) */
export interface UnitInput {
    /** Name. */
    name: string;
}
/** A saved line item. (Response object.) */
export interface Item {
    /** Opaque id. */
    id: string;
    /** The organization it belongs to. */
    organization_id?: string | null;
    /** Name. */
    name: string;
    /** Description. */
    description?: string | null;
    /** Unit price. */
    price: number;
    /** Unit of measurement. */
    unit_of_measurement_id?: string | null;
    /** Name of the unit. */
    unit_name?: string | null;
    /** Tax applied. */
    tax_id?: string | null;
    /** Name of the tax. */
    tax_name?: string | null;
    /** Rate of the tax. */
    tax_percent?: number | null;
    /** When it was created. */
    created_at: string;
    /** When it last changed. */
    updated_at: string;
    /** Fields this version does not know, as the API sent them. */
    [extra: string]: unknown;
}
/** The body of `items().create()`. (Request body.) */
export interface NewItem {
    /** Name. */
    name: string;
    /** Description. */
    description?: string | null;
    /** Unit price. */
    price: number | string;
    /** Unit of measurement. */
    unit_of_measurement_id?: string | null;
    /** Tax applied. */
    tax_id?: string | null;
}
/** The body of `items().update()`. (Request body.) */
export interface ItemUpdate {
    /** Name. */
    name?: string | null;
    /** Description. */
    description?: string | null;
    /** Unit price. */
    price?: number | string | null;
    /** Unit of measurement. */
    unit_of_measurement_id?: string | null;
    /** Tax applied. */
    tax_id?: string | null;
}
/** A line of an estimate, invoice or recurring template. (Response object.) */
export interface LineItem {
    /** Opaque id. */
    id: string;
    /** Name. */
    name: string;
    /** Description. */
    description?: string | null;
    /** Quantity. */
    quantity: number;
    /** Unit price. */
    price: number;
    /** Unit of measurement. */
    unit_of_measurement_id?: string | null;
    /** Name of the unit. */
    unit_name?: string | null;
    /** Tax applied to the line. */
    tax_id?: string | null;
    /** Name of the tax. */
    tax_name?: string | null;
    /** Rate of the tax. */
    tax_percent?: number | null;
    /** How the line's discount is measured. */
    discount_type?: DiscountType | (string & {}) | null;
    /** The line's discount. */
    discount_value?: number | null;
    /** The line's amount after its discount, before tax. */
    total?: number | null;
    /** Fields this version does not know, as the API sent them. */
    [extra: string]: unknown;
}
/** A line in a request body. An `id` of an existing line updates that line. (Request body.) */
export interface LineItemInput {
    /** An existing line's id, to update it in place. */
    id?: string | null;
    /** Name. */
    name: string;
    /** Description. */
    description?: string | null;
    /** Quantity, greater than 0. */
    quantity: number | string;
    /** Unit price. */
    price: number | string;
    /** Unit of measurement. */
    unit_of_measurement_id?: string | null;
    /** Tax applied to the line. */
    tax_id?: string | null;
    /** Name of the tax (filled from `tax_id` when left out). */
    tax_name?: string | null;
    /** Rate of the tax (filled from `tax_id` when left out). */
    tax_percent?: number | string | null;
    /** How the line's discount is measured. */
    discount_type?: DiscountType | null;
    /** The line's discount. */
    discount_value?: number | string | null;
}
/** The organization a document belongs to. (Response object.) */
export interface Organization {
    /** Opaque id. */
    id: string;
    /** Name. */
    name?: string | null;
    /** Fields this version does not know, as the API sent them. */
    [extra: string]: unknown;
}
/** An estimate. (Response object.) */
export interface Estimate {
    /** Opaque id. */
    id: string;
    /** The organization it belongs to. */
    organization_id?: string | null;
    /** The client it is for. */
    client_id: string;
    /** Its number as shown ("EST-00001"). */
    estimate_number: string;
    /** Number prefix ("EST-"). */
    prefix?: string | null;
    /** Number without prefix. */
    number?: number | null;
    /** Currency (ISO 4217). */
    currency: string;
    /** Currency name. */
    currency_name?: string | null;
    /** Currency symbol. */
    currency_symbol?: string | null;
    /** Document tax. */
    tax_id?: string | null;
    /** Name of the document tax. */
    tax_name?: string | null;
    /** Rate of the document tax. */
    tax_percent?: number | null;
    /** Whether tax is per document or per line. */
    tax_distribution?: TaxDistribution | (string & {}) | null;
    /** Label of `tax_distribution`. */
    tax_distribution_name?: string | null;
    /** How the discount is measured. */
    discount_type?: DiscountType | (string & {}) | null;
    /** Label of `discount_type`. */
    discount_type_name?: string | null;
    /** The document discount. */
    discount_value?: number | null;
    /** Where the discount applies. */
    discount_distribution?: DiscountDistribution | (string & {}) | null;
    /** Label of `discount_distribution`. */
    discount_distribution_name?: string | null;
    /** Shipping. */
    shipping?: number | null;
    /** Total, as the server computed it. */
    total: number;
    /** Notes to the client. */
    notes?: string | null;
    /** Free-form options. */
    options?: Record<string, unknown> | null;
    /** Status. */
    status: EstimateStatus | (string & {});
    /** Label of `status`. */
    status_name?: string | null;
    /** Whether it may still be changed. */
    is_editable?: boolean | null;
    /** Lines (`items`; `line_items` is accepted too). */
    items: Array<LineItem>;
    /** The client, embedded. */
    client?: Client | null;
    /** The organization, embedded. */
    organization?: Organization | null;
    /** When it was created. */
    created_at: string;
    /** When it last changed. */
    updated_at: string;
    /** Fields this version does not know, as the API sent them. */
    [extra: string]: unknown;
}
/** The body of `estimates().create()`: a client and at least one line. (Request body.) */
export interface NewEstimate {
    /** The client it is for. */
    client_id: string;
    /** Currency (default: the client's). */
    currency?: string | null;
    /** Document tax. */
    tax_id?: string | null;
    /** Whether tax is per document or per line. */
    tax_distribution?: TaxDistribution | null;
    /** How the discount is measured. */
    discount_type?: DiscountType | null;
    /** The document discount. */
    discount_value?: number | string | null;
    /** Where the discount applies. */
    discount_distribution?: DiscountDistribution | null;
    /** Shipping. */
    shipping?: number | string | null;
    /** Notes to the client. */
    notes?: string | null;
    /** Free-form options. */
    options?: Record<string, unknown> | null;
    /** Lines, at least one. */
    line_items: Array<LineItemInput>;
}
/** The body of `estimates().update()`: only the fields set are changed. (Request body.) */
export interface EstimateUpdate {
    /** The client it is for. */
    client_id?: string | null;
    /** Currency. */
    currency?: string | null;
    /** Document tax. */
    tax_id?: string | null;
    /** Whether tax is per document or per line. */
    tax_distribution?: TaxDistribution | null;
    /** How the discount is measured. */
    discount_type?: DiscountType | null;
    /** The document discount. */
    discount_value?: number | string | null;
    /** Where the discount applies. */
    discount_distribution?: DiscountDistribution | null;
    /** Shipping. */
    shipping?: number | string | null;
    /** Notes to the client. */
    notes?: string | null;
    /** Free-form options. */
    options?: Record<string, unknown> | null;
    /** Lines: replaces the lines (lines with an existing `id` are updated). */
    line_items?: Array<LineItemInput> | null;
}
/** An invoice. (Response object.) */
export interface Invoice {
    /** Opaque id. */
    id: string;
    /** The organization it belongs to. */
    organization_id?: string | null;
    /** The client it bills. */
    client_id: string;
    /** Its number as shown ("INV-00001"). */
    invoice_number: string;
    /** Number prefix ("INV-"). */
    prefix?: string | null;
    /** Number without prefix. */
    number?: number | null;
    /** The estimate it was converted from. */
    converted_from?: string | null;
    /** That estimate's number. */
    converted_from_number?: string | null;
    /** Currency (ISO 4217). */
    currency: string;
    /** Currency name. */
    currency_name?: string | null;
    /** Currency symbol. */
    currency_symbol?: string | null;
    /** Document tax. */
    tax_id?: string | null;
    /** Name of the document tax. */
    tax_name?: string | null;
    /** Rate of the document tax. */
    tax_percent?: number | null;
    /** Whether tax is per document or per line. */
    tax_distribution?: TaxDistribution | (string & {}) | null;
    /** Label of `tax_distribution`. */
    tax_distribution_name?: string | null;
    /** How the discount is measured. */
    discount_type?: DiscountType | (string & {}) | null;
    /** Label of `discount_type`. */
    discount_type_name?: string | null;
    /** The document discount. */
    discount_value?: number | null;
    /** Where the discount applies. */
    discount_distribution?: DiscountDistribution | (string & {}) | null;
    /** Label of `discount_distribution`. */
    discount_distribution_name?: string | null;
    /** Payment terms. */
    net_terms?: NetTerms | (string & {}) | null;
    /** Label of `net_terms`. */
    net_terms_name?: string | null;
    /** Whether a late fee applies. */
    has_late_fee?: boolean | null;
    /** How the late fee is measured. */
    late_fee_kind?: LateFeeKind | (string & {}) | null;
    /** Label of `late_fee_kind`. */
    late_fee_kind_name?: string | null;
    /** How often the late fee is charged. */
    late_fee_interval?: LateFeeInterval | (string & {}) | null;
    /** Label of `late_fee_interval`. */
    late_fee_interval_name?: string | null;
    /** The late fee. */
    late_fee?: number | null;
    /** When the late fee is next charged. */
    next_late_fee_update_at?: string | null;
    /** Late fees charged so far. */
    total_late_fee?: number | null;
    /** Shipping. */
    shipping?: number | null;
    /** Total, as the server computed it. */
    total: number;
    /** Sum of payments. */
    total_paid: number;
    /** What is still owed. */
    total_due: number;
    /** What is owed, counting only settled payments. */
    total_due_unsettled?: number | null;
    /** Notes to the client. */
    notes?: string | null;
    /** Free-form options. */
    options?: Record<string, unknown> | null;
    /** Status. */
    status: InvoiceStatus | (string & {});
    /** Label of `status`. */
    status_name?: string | null;
    /** Whether it may still be changed. */
    is_editable?: boolean | null;
    /** Issue date. */
    issued_at: string;
    /** Due date. */
    due_at: string;
    /** Lines (`items`; `line_items` is accepted too). */
    items: Array<LineItem>;
    /** The client, embedded. */
    client?: Client | null;
    /** The organization, embedded. */
    organization?: Organization | null;
    /** When it was created. */
    created_at: string;
    /** When it last changed. */
    updated_at: string;
    /** Fields this version does not know, as the API sent them. */
    [extra: string]: unknown;
}
/** The body of `invoices().create()`: a client and at least one line. (Request body.) */
export interface NewInvoice {
    /** The client it bills. */
    client_id: string;
    /** Currency (default: the client's). */
    currency?: string | null;
    /** Document tax. */
    tax_id?: string | null;
    /** Whether tax is per document or per line. */
    tax_distribution?: TaxDistribution | null;
    /** How the discount is measured. */
    discount_type?: DiscountType | null;
    /** The document discount. */
    discount_value?: number | string | null;
    /** Where the discount applies. */
    discount_distribution?: DiscountDistribution | null;
    /** Shipping. */
    shipping?: number | string | null;
    /** Notes to the client. */
    notes?: string | null;
    /** Free-form options. */
    options?: Record<string, unknown> | null;
    /** Payment terms (default NET30). */
    net_terms?: NetTerms | null;
    /** Whether a late fee applies. */
    has_late_fee?: boolean | null;
    /** How the late fee is measured. */
    late_fee_kind?: LateFeeKind | null;
    /** How often the late fee is charged. */
    late_fee_interval?: LateFeeInterval | null;
    /** The late fee. */
    late_fee?: number | string | null;
    /** Issue date (default today). */
    issued_at?: string | null;
    /** Due date (default from the terms). */
    due_at?: string | null;
    /** Lines, at least one. */
    line_items: Array<LineItemInput>;
}
/** The body of `invoices().update()`: only the fields set are changed. (Request body.) */
export interface InvoiceUpdate {
    /** The client it bills. */
    client_id?: string | null;
    /** Currency. */
    currency?: string | null;
    /** Document tax. */
    tax_id?: string | null;
    /** Whether tax is per document or per line. */
    tax_distribution?: TaxDistribution | null;
    /** How the discount is measured. */
    discount_type?: DiscountType | null;
    /** The document discount. */
    discount_value?: number | string | null;
    /** Where the discount applies. */
    discount_distribution?: DiscountDistribution | null;
    /** Shipping. */
    shipping?: number | string | null;
    /** Notes to the client. */
    notes?: string | null;
    /** Free-form options. */
    options?: Record<string, unknown> | null;
    /** Payment terms. */
    net_terms?: NetTerms | null;
    /** Whether a late fee applies. */
    has_late_fee?: boolean | null;
    /** How the late fee is measured. */
    late_fee_kind?: LateFeeKind | null;
    /** How often the late fee is charged. */
    late_fee_interval?: LateFeeInterval | null;
    /** The late fee. */
    late_fee?: number | string | null;
    /** Issue date. */
    issued_at?: string | null;
    /** Due date. */
    due_at?: string | null;
    /** Lines: replaces the lines (lines with an existing `id` are updated). */
    line_items?: Array<LineItemInput> | null;
}
/** A payment. (Response object.) */
export interface Payment {
    /** Opaque id. */
    id: string;
    /** The organization it belongs to. */
    organization_id?: string | null;
    /** The invoice it pays. */
    invoice_id: string;
    /** Amount. */
    amount: number;
    /** Whether the money has arrived. */
    is_settled: boolean;
    /** When it was paid. */
    payment_date?: string | null;
    /** Notes. */
    notes?: string | null;
    /** When it was created. */
    created_at: string;
    /** When it last changed. */
    updated_at: string;
    /** Fields this version does not know, as the API sent them. */
    [extra: string]: unknown;
}
/** The body of `payments().create()`. (Request body.) */
export interface NewPayment {
    /** The invoice it pays. */
    invoice_id: string;
    /** Amount, greater than 0. */
    amount: number | string;
    /** When it was paid. */
    payment_date?: string | null;
    /** Whether the money has arrived (default true). */
    is_settled?: boolean | null;
    /** Notes. */
    notes?: string | null;
}
/** The body of `payments().update()`: the amount is required, as the docs say. (Request body.) */
export interface PaymentUpdate {
    /** Amount, greater than 0. */
    amount: number | string;
    /** When it was paid. */
    payment_date?: string | null;
    /** Whether the money has arrived. */
    is_settled?: boolean | null;
    /** Notes. */
    notes?: string | null;
}
/** The body of `invoices().apply_payment()`. (Request body.) */
export interface ApplyPayment {
    /** Amount, greater than 0. */
    amount: number | string;
    /** When it was paid. */
    payment_date?: string | null;
    /** Whether the money has arrived (default true). */
    is_settled?: boolean | null;
    /** Notes. */
    notes?: string | null;
}
/** What applying a payment returns: the payment and the invoice after it. (Response object.) */
export interface AppliedPayment {
    /** The payment recorded. */
    payment: Payment;
    /** The invoice with its new `total_paid`, `total_due` and status. */
    invoice: Invoice;
    /** Fields this version does not know, as the API sent them. */
    [extra: string]: unknown;
}
/** The invoice a schedule generates. (Response object.) */
export interface RecurringTemplate {
    /** Opaque id. */
    id: string;
    /** Currency. */
    currency: string;
    /** Document tax. */
    tax_id?: string | null;
    /** Name of the tax. */
    tax_name?: string | null;
    /** Rate of the tax. */
    tax_percent?: number | null;
    /** Whether tax is per document or per line. */
    tax_distribution?: TaxDistribution | (string & {}) | null;
    /** How the discount is measured. */
    discount_type?: DiscountType | (string & {}) | null;
    /** The document discount. */
    discount_value?: number | null;
    /** Where the discount applies. */
    discount_distribution?: DiscountDistribution | (string & {}) | null;
    /** Payment terms. */
    net_terms?: NetTerms | (string & {}) | null;
    /** Whether a late fee applies. */
    has_late_fee?: boolean | null;
    /** How the late fee is measured. */
    late_fee_kind?: LateFeeKind | (string & {}) | null;
    /** How often the late fee is charged. */
    late_fee_interval?: LateFeeInterval | (string & {}) | null;
    /** The late fee. */
    late_fee?: number | null;
    /** Shipping. */
    shipping?: number | null;
    /** Notes. */
    notes?: string | null;
    /** Free-form options. */
    options?: Record<string, unknown> | null;
    /** Lines (`items`; `template_items` is accepted too). */
    items: Array<LineItem>;
    /** Total of one generated invoice (mock field; inferred). */
    total?: number | null;
    /** Fields this version does not know, as the API sent them. */
    [extra: string]: unknown;
}
/** A recurring invoice. (Response object.) */
export interface RecurringInvoice {
    /** Opaque id. */
    id: string;
    /** The organization it belongs to. */
    organization_id?: string | null;
    /** The client it bills. */
    client_id: string;
    /** Name. */
    name?: string | null;
    /** How often. */
    frequency: Frequency | (string & {});
    /** Label of `frequency`. */
    frequency_name?: string | null;
    /** Status. */
    status: RecurringStatus | (string & {});
    /** Label of `status`. */
    status_name?: string | null;
    /** First date. */
    start_date: string;
    /** Last date, if any. */
    end_date?: string | null;
    /** Most invoices to generate, if any. */
    max_occurrences?: number | null;
    /** Invoices generated so far. */
    occurrences?: number | null;
    /** When the last was generated. */
    last_generated_date?: string | null;
    /** When the next is due. */
    next_date?: string | null;
    /** The client, embedded. */
    client?: Client | null;
    /** The invoice template. */
    template: RecurringTemplate;
    /** When it was created. */
    created_at: string;
    /** When it last changed. */
    updated_at: string;
    /** Fields this version does not know, as the API sent them. */
    [extra: string]: unknown;
}
/** The body of `recurring_invoices().create()`. (Request body.) */
export interface NewRecurringInvoice {
    /** The client it bills. */
    client_id: string;
    /** Name. */
    name?: string | null;
    /** How often. */
    frequency: Frequency;
    /** First date. */
    start_date: string;
    /** Last date. */
    end_date?: string | null;
    /** Most invoices to generate. */
    max_occurrences?: number | null;
    /** Currency (default: the client's). */
    currency?: string | null;
    /** Document tax. */
    tax_id?: string | null;
    /** Whether tax is per document or per line. */
    tax_distribution?: TaxDistribution | null;
    /** How the discount is measured. */
    discount_type?: DiscountType | null;
    /** The document discount. */
    discount_value?: number | string | null;
    /** Where the discount applies. */
    discount_distribution?: DiscountDistribution | null;
    /** Shipping. */
    shipping?: number | string | null;
    /** Notes. */
    notes?: string | null;
    /** Free-form options. */
    options?: Record<string, unknown> | null;
    /** Payment terms. */
    net_terms?: NetTerms | null;
    /** Whether a late fee applies. */
    has_late_fee?: boolean | null;
    /** How the late fee is measured. */
    late_fee_kind?: LateFeeKind | null;
    /** How often the late fee is charged. */
    late_fee_interval?: LateFeeInterval | null;
    /** The late fee. */
    late_fee?: number | string | null;
    /** The template's lines. */
    template_items?: Array<LineItemInput> | null;
}
/** The body of `recurring_invoices().update()`: only the fields set are changed. (Request body.) */
export interface RecurringInvoiceUpdate {
    /** The client it bills. */
    client_id?: string | null;
    /** Name. */
    name?: string | null;
    /** How often. */
    frequency?: Frequency | null;
    /** First date. */
    start_date?: string | null;
    /** Last date. */
    end_date?: string | null;
    /** Most invoices to generate. */
    max_occurrences?: number | null;
    /** Currency. */
    currency?: string | null;
    /** Document tax. */
    tax_id?: string | null;
    /** Whether tax is per document or per line. */
    tax_distribution?: TaxDistribution | null;
    /** How the discount is measured. */
    discount_type?: DiscountType | null;
    /** The document discount. */
    discount_value?: number | string | null;
    /** Where the discount applies. */
    discount_distribution?: DiscountDistribution | null;
    /** Shipping. */
    shipping?: number | string | null;
    /** Notes. */
    notes?: string | null;
    /** Free-form options. */
    options?: Record<string, unknown> | null;
    /** Payment terms. */
    net_terms?: NetTerms | null;
    /** Whether a late fee applies. */
    has_late_fee?: boolean | null;
    /** How the late fee is measured. */
    late_fee_kind?: LateFeeKind | null;
    /** How often the late fee is charged. */
    late_fee_interval?: LateFeeInterval | null;
    /** The late fee. */
    late_fee?: number | string | null;
    /** The template's lines: replaces them. */
    template_items?: Array<LineItemInput> | null;
}
/** The body of the status PATCH. (Request body.) */
export interface RecurringStatusInput {
    /** ACTIVE, PAUSED or CANCELED (COMPLETED is set by the server). */
    status: RecurringStatus;
}
/** Query of `clients.list()`. */
export interface ClientsListParams {
    /** The page, from 1. */
    page?: number;
    /** Items per page (the server's default is 15, its maximum 100). */
    per_page?: number;
    /** Filter (`search`). */
    search?: string;
}
/** Query of `contacts.list()`. */
export interface ContactsListParams {
    /** The page, from 1. */
    page?: number;
    /** Items per page (the server's default is 15, its maximum 100). */
    per_page?: number;
}
/** Query of `estimates.list()`. */
export interface EstimatesListParams {
    /** The page, from 1. */
    page?: number;
    /** Items per page (the server's default is 15, its maximum 100). */
    per_page?: number;
    /** Filter (`status`). */
    status?: string;
    /** Filter (`client_id`). */
    client_id?: string;
}
/** Query of `invoices.list()`. */
export interface InvoicesListParams {
    /** The page, from 1. */
    page?: number;
    /** Items per page (the server's default is 15, its maximum 100). */
    per_page?: number;
    /** Filter (`status`). */
    status?: string;
    /** Filter (`client_id`). */
    client_id?: string;
}
/** Query of `recurringInvoices.list()`. */
export interface RecurringInvoicesListParams {
    /** The page, from 1. */
    page?: number;
    /** Items per page (the server's default is 15, its maximum 100). */
    per_page?: number;
    /** Filter (`status`). */
    status?: string;
    /** Filter (`client_id`). */
    client_id?: string;
}
/** Query of `payments.list()`. */
export interface PaymentsListParams {
    /** The page, from 1. */
    page?: number;
    /** Items per page (the server's default is 15, its maximum 100). */
    per_page?: number;
    /** Filter (`invoice_id`). */
    invoice_id?: string;
}
/** Query of `taxes.list()`. */
export interface TaxesListParams {
    /** The page, from 1. */
    page?: number;
    /** Items per page (the server's default is 15, its maximum 100). */
    per_page?: number;
}
/** Query of `units.list()`. */
export interface UnitsListParams {
    /** The page, from 1. */
    page?: number;
    /** Items per page (the server's default is 15, its maximum 100). */
    per_page?: number;
}
/** Query of `items.list()`. */
export interface ItemsListParams {
    /** The page, from 1. */
    page?: number;
    /** Items per page (the server's default is 15, its maximum 100). */
    per_page?: number;
}
