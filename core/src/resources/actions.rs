//! The actions beyond create, read, update and delete: sending, converting, paying and
//! changing a schedule's status.
use super::{Estimates, Handler, Invoices, Mode, RecurringInvoices, to_body};
use crate::error::Result;
use crate::models::{AppliedPayment, ApplyPaymentInput, Estimate, Invoice, RecurringInvoice, RecurringStatus, RecurringStatusInput};

impl<M: Mode> Handler<Estimates, M> {
    /// Emails the estimate to the client (needs the `send` permission); a draft becomes SENT.
    pub async fn send(&self, id: &str) -> Result<M::Out<Estimate>> {
        self.run("send", Some(id), None).await
    }

    /// Creates an invoice from the estimate; returns the invoice, whose `converted_from` is
    /// the estimate's id.
    pub async fn convert(&self, id: &str) -> Result<M::Out<Invoice>> {
        self.run("convert", Some(id), None).await
    }
}

impl<M: Mode> Handler<Invoices, M> {
    /// Emails the invoice to the client (needs the `send` permission); a draft becomes SENT.
    pub async fn send(&self, id: &str) -> Result<M::Out<Invoice>> {
        self.run("send", Some(id), None).await
    }

    /// Records a payment against the invoice ("Apply payment to invoice"). Never retried once
    /// the request may have reached the server, so a payment is never recorded twice.
    pub async fn apply_payment(&self, id: &str, payment: &ApplyPaymentInput) -> Result<M::Out<AppliedPayment>> {
        self.run("apply_payment", Some(id), Some(to_body(payment)?)).await
    }
}

impl<M: Mode> Handler<RecurringInvoices, M> {
    /// Pauses, resumes or cancels the schedule.
    pub async fn update_status(&self, id: &str, status: RecurringStatus) -> Result<M::Out<RecurringInvoice>> {
        let body = RecurringStatusInput { status, extra: Default::default() };
        self.run("update_status", Some(id), Some(to_body(&body)?)).await
    }
}
