import { type APIPromise, APIResource, type ClientCore, type Page, type RequestOptions } from '../core';
import type * as M from './models';
/** `client.clients` */
export declare class Clients extends APIResource {
    /** List clients (`GET /clients`, needs `read`). */
    list(params?: M.ClientsListParams, options?: RequestOptions): APIPromise<Page<M.Client>>;
    /** Every item, fetched lazily page by page: `for await (const item of resource.listAll())`. */
    listAll(params?: M.ClientsListParams & {
        limit?: number;
    }, options?: RequestOptions): AsyncIterable<M.Client>;
    /** Create a client (`POST /clients`, needs `write`). Inferred: the docs name this operation without detailing it. */
    create(body: M.NewClient, options?: RequestOptions): APIPromise<M.Client>;
    /** Get a client (`GET /clients/{clientId}`, needs `read`). */
    get(id: string, options?: RequestOptions): APIPromise<M.Client>;
    /** Update a client (`PUT /clients/{clientId}`, needs `write`). Inferred: the docs name this operation without detailing it. */
    update(id: string, body: M.ClientUpdate, options?: RequestOptions): APIPromise<M.Client>;
    /** Delete a client (`DELETE /clients/{clientId}`, needs `write`). Inferred: the docs name this operation without detailing it. */
    delete(id: string, options?: RequestOptions): APIPromise<void>;
}
/** `client.contacts(clientId)` */
export declare class Contacts extends APIResource {
    /** List contacts (`GET /clients/{clientId}/contacts`, needs `read`). Inferred: the docs name this operation without detailing it. */
    list(params?: M.ContactsListParams, options?: RequestOptions): APIPromise<Page<M.Contact>>;
    /** Every item, fetched lazily page by page: `for await (const item of resource.listAll())`. */
    listAll(params?: M.ContactsListParams & {
        limit?: number;
    }, options?: RequestOptions): AsyncIterable<M.Contact>;
    /** Create a contact (`POST /clients/{clientId}/contacts`, needs `write`). Inferred: the docs name this operation without detailing it. */
    create(body: M.ContactInput, options?: RequestOptions): APIPromise<M.Contact>;
    /** Get a contact (`GET /clients/{clientId}/contacts/{contactId}`, needs `read`). Inferred: the docs name this operation without detailing it. */
    get(id: string, options?: RequestOptions): APIPromise<M.Contact>;
    /** Update a contact (`PUT /clients/{clientId}/contacts/{contactId}`, needs `write`). */
    update(id: string, body: M.ContactInput, options?: RequestOptions): APIPromise<M.Contact>;
    /** Delete a contact (`DELETE /clients/{clientId}/contacts/{contactId}`, needs `write`). Inferred: the docs name this operation without detailing it. */
    delete(id: string, options?: RequestOptions): APIPromise<void>;
}
/** `client.estimates` */
export declare class Estimates extends APIResource {
    /** List estimates (`GET /estimates`, needs `read`). */
    list(params?: M.EstimatesListParams, options?: RequestOptions): APIPromise<Page<M.Estimate>>;
    /** Every item, fetched lazily page by page: `for await (const item of resource.listAll())`. */
    listAll(params?: M.EstimatesListParams & {
        limit?: number;
    }, options?: RequestOptions): AsyncIterable<M.Estimate>;
    /** Create a estimate (`POST /estimates`, needs `write`). Inferred: the docs name this operation without detailing it. */
    create(body: M.NewEstimate, options?: RequestOptions): APIPromise<M.Estimate>;
    /** Get a estimate (`GET /estimates/{estimateId}`, needs `read`). Inferred: the docs name this operation without detailing it. */
    get(id: string, options?: RequestOptions): APIPromise<M.Estimate>;
    /** Update a estimate (`PUT /estimates/{estimateId}`, needs `write`). */
    update(id: string, body: M.EstimateUpdate, options?: RequestOptions): APIPromise<M.Estimate>;
    /** Delete a estimate (`DELETE /estimates/{estimateId}`, needs `write`). Inferred: the docs name this operation without detailing it. */
    delete(id: string, options?: RequestOptions): APIPromise<void>;
    /** Send an estimate by email (`POST /estimates/{estimateId}/send`, needs `send`). Inferred: the docs name this operation without detailing it. */
    send(id: string, options?: RequestOptions): APIPromise<M.Estimate>;
    /** Convert an estimate to an invoice (`POST /estimates/{estimateId}/convert`, needs `write`). Inferred: the docs name this operation without detailing it. */
    convert(id: string, options?: RequestOptions): APIPromise<M.Invoice>;
}
/** `client.invoices` */
export declare class Invoices extends APIResource {
    /** List invoices (`GET /invoices`, needs `read`). Inferred: the docs name this operation without detailing it. */
    list(params?: M.InvoicesListParams, options?: RequestOptions): APIPromise<Page<M.Invoice>>;
    /** Every item, fetched lazily page by page: `for await (const item of resource.listAll())`. */
    listAll(params?: M.InvoicesListParams & {
        limit?: number;
    }, options?: RequestOptions): AsyncIterable<M.Invoice>;
    /** Create a invoice (`POST /invoices`, needs `write`). Inferred: the docs name this operation without detailing it. */
    create(body: M.NewInvoice, options?: RequestOptions): APIPromise<M.Invoice>;
    /** Get a invoice (`GET /invoices/{invoiceId}`, needs `read`). Inferred: the docs name this operation without detailing it. */
    get(id: string, options?: RequestOptions): APIPromise<M.Invoice>;
    /** Update a invoice (`PUT /invoices/{invoiceId}`, needs `write`). Inferred: the docs name this operation without detailing it. */
    update(id: string, body: M.InvoiceUpdate, options?: RequestOptions): APIPromise<M.Invoice>;
    /** Delete a invoice (`DELETE /invoices/{invoiceId}`, needs `write`). Inferred: the docs name this operation without detailing it. */
    delete(id: string, options?: RequestOptions): APIPromise<void>;
    /** Send an invoice by email (`POST /invoices/{invoiceId}/send`, needs `send`). Inferred: the docs name this operation without detailing it. */
    send(id: string, options?: RequestOptions): APIPromise<M.Invoice>;
    /** Apply payment to invoice (`POST /invoices/{invoiceId}/payments`, needs `write`). */
    applyPayment(id: string, body: M.ApplyPayment, options?: RequestOptions): APIPromise<M.AppliedPayment>;
}
/** `client.recurringInvoices` */
export declare class RecurringInvoices extends APIResource {
    /** List recurring invoices (`GET /recurring-invoices`, needs `read`). */
    list(params?: M.RecurringInvoicesListParams, options?: RequestOptions): APIPromise<Page<M.RecurringInvoice>>;
    /** Every item, fetched lazily page by page: `for await (const item of resource.listAll())`. */
    listAll(params?: M.RecurringInvoicesListParams & {
        limit?: number;
    }, options?: RequestOptions): AsyncIterable<M.RecurringInvoice>;
    /** Create a recurring invoice (`POST /recurring-invoices`, needs `write`). */
    create(body: M.NewRecurringInvoice, options?: RequestOptions): APIPromise<M.RecurringInvoice>;
    /** Get a recurring invoice (`GET /recurring-invoices/{recurringInvoiceId}`, needs `read`). Inferred: the docs name this operation without detailing it. */
    get(id: string, options?: RequestOptions): APIPromise<M.RecurringInvoice>;
    /** Update a recurring invoice (`PUT /recurring-invoices/{recurringInvoiceId}`, needs `write`). */
    update(id: string, body: M.RecurringInvoiceUpdate, options?: RequestOptions): APIPromise<M.RecurringInvoice>;
    /** Delete a recurring invoice (`DELETE /recurring-invoices/{recurringInvoiceId}`, needs `write`). Inferred: the docs name this operation without detailing it. */
    delete(id: string, options?: RequestOptions): APIPromise<void>;
    /** Update recurring invoice status (`PATCH /recurring-invoices/{recurringInvoiceId}/status`, needs `write`). */
    updateStatus(id: string, body: M.RecurringStatusInput, options?: RequestOptions): APIPromise<M.RecurringInvoice>;
}
/** `client.payments` */
export declare class Payments extends APIResource {
    /** List payments (`GET /payments`, needs `read`). Inferred: the docs name this operation without detailing it. */
    list(params?: M.PaymentsListParams, options?: RequestOptions): APIPromise<Page<M.Payment>>;
    /** Every item, fetched lazily page by page: `for await (const item of resource.listAll())`. */
    listAll(params?: M.PaymentsListParams & {
        limit?: number;
    }, options?: RequestOptions): AsyncIterable<M.Payment>;
    /** Create a payment (`POST /payments`, needs `write`). */
    create(body: M.NewPayment, options?: RequestOptions): APIPromise<M.Payment>;
    /** Get a payment (`GET /payments/{paymentId}`, needs `read`). */
    get(id: string, options?: RequestOptions): APIPromise<M.Payment>;
    /** Update a payment (`PUT /payments/{paymentId}`, needs `write`). */
    update(id: string, body: M.PaymentUpdate, options?: RequestOptions): APIPromise<M.Payment>;
    /** Delete a payment (`DELETE /payments/{paymentId}`, needs `write`). Inferred: the docs name this operation without detailing it. */
    delete(id: string, options?: RequestOptions): APIPromise<void>;
}
/** `client.taxes` */
export declare class Taxes extends APIResource {
    /** List taxs (`GET /taxes`, needs `read`). Inferred: the docs name this operation without detailing it. */
    list(params?: M.TaxesListParams, options?: RequestOptions): APIPromise<Page<M.Tax>>;
    /** Every item, fetched lazily page by page: `for await (const item of resource.listAll())`. */
    listAll(params?: M.TaxesListParams & {
        limit?: number;
    }, options?: RequestOptions): AsyncIterable<M.Tax>;
    /** Create a tax (`POST /taxes`, needs `write`). Inferred: the docs name this operation without detailing it. */
    create(body: M.NewTax, options?: RequestOptions): APIPromise<M.Tax>;
    /** Get a tax (`GET /taxes/{taxId}`, needs `read`). Inferred: the docs name this operation without detailing it. */
    get(id: string, options?: RequestOptions): APIPromise<M.Tax>;
    /** Update a tax (`PUT /taxes/{taxId}`, needs `write`). Inferred: the docs name this operation without detailing it. */
    update(id: string, body: M.TaxUpdate, options?: RequestOptions): APIPromise<M.Tax>;
    /** Delete a tax (`DELETE /taxes/{taxId}`, needs `write`). Inferred: the docs name this operation without detailing it. */
    delete(id: string, options?: RequestOptions): APIPromise<void>;
}
/** `client.units` */
export declare class Units extends APIResource {
    /** List units (`GET /units`, needs `read`). */
    list(params?: M.UnitsListParams, options?: RequestOptions): APIPromise<Page<M.Unit>>;
    /** Every item, fetched lazily page by page: `for await (const item of resource.listAll())`. */
    listAll(params?: M.UnitsListParams & {
        limit?: number;
    }, options?: RequestOptions): AsyncIterable<M.Unit>;
    /** Create a unit (`POST /units`, needs `write`). Inferred: the docs name this operation without detailing it. */
    create(body: M.UnitInput, options?: RequestOptions): APIPromise<M.Unit>;
    /** Get a unit (`GET /units/{unitId}`, needs `read`). */
    get(id: string, options?: RequestOptions): APIPromise<M.Unit>;
    /** Update a unit (`PUT /units/{unitId}`, needs `write`). */
    update(id: string, body: M.UnitInput, options?: RequestOptions): APIPromise<M.Unit>;
    /** Delete a unit (`DELETE /units/{unitId}`, needs `write`). Inferred: the docs name this operation without detailing it. */
    delete(id: string, options?: RequestOptions): APIPromise<void>;
}
/** `client.items` */
export declare class Items extends APIResource {
    /** List saved line items (`GET /items`, needs `read`). Inferred: the docs name this operation without detailing it. */
    list(params?: M.ItemsListParams, options?: RequestOptions): APIPromise<Page<M.Item>>;
    /** Every item, fetched lazily page by page: `for await (const item of resource.listAll())`. */
    listAll(params?: M.ItemsListParams & {
        limit?: number;
    }, options?: RequestOptions): AsyncIterable<M.Item>;
    /** Create a saved line item (`POST /items`, needs `write`). Inferred: the docs name this operation without detailing it. */
    create(body: M.NewItem, options?: RequestOptions): APIPromise<M.Item>;
    /** Get a saved line item (`GET /items/{itemId}`, needs `read`). Inferred: the docs name this operation without detailing it. */
    get(id: string, options?: RequestOptions): APIPromise<M.Item>;
    /** Update a saved line item (`PUT /items/{itemId}`, needs `write`). Inferred: the docs name this operation without detailing it. */
    update(id: string, body: M.ItemUpdate, options?: RequestOptions): APIPromise<M.Item>;
    /** Delete a saved line item (`DELETE /items/{itemId}`, needs `write`). Inferred: the docs name this operation without detailing it. */
    delete(id: string, options?: RequestOptions): APIPromise<void>;
}
/** The resources of a client. */
export declare abstract class Resources implements ClientCore {
    abstract readonly _native: ClientCore['_native'];
    readonly clients: Clients;
    readonly estimates: Estimates;
    readonly invoices: Invoices;
    readonly recurringInvoices: RecurringInvoices;
    readonly payments: Payments;
    readonly taxes: Taxes;
    readonly units: Units;
    readonly items: Items;
    constructor();
    /** The contacts of one client. */
    contacts(clientId: string): Contacts;
}
