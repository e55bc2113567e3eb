/** The notifications module: what other modules use. */
export {
  enqueueNotification,
  kickDelivery,
  maskEmail,
  maskPhone,
  maskRecipient,
  isE164,
  DELIVER_JOB,
  type NotificationChannel,
  type NotificationRequest,
} from './enqueue-notification.js';
export { deliverNotification, safeErrorMessage, MAX_ATTEMPTS, type DeliveryContext, type DeliveryOutcome } from './deliver-notification.js';
export { notificationJobs, sweepNotifications, SWEEP_JOB } from './notifications.jobs.js';
export { registerNotificationRoutes } from './notifications.routes.js';
export {
  renderNotification,
  isNotificationTemplate,
  smsSegmentLimit,
  NOTIFICATION_TEMPLATES,
  EMAIL_ONLY_TEMPLATES,
  REQUIRED_VARS,
  PORTAL_URL_TOKEN,
  type CheckedDocument,
  type NotificationTemplate,
  type RenderedNotification,
  type TemplateVars,
} from './notifications.templates.js';
export { HttpSmsGateway, type HttpSmsGatewayOptions } from './sms-gateway.client.js';
export { SmtpEmailSender, type SmtpEmailSenderOptions } from './smtp.client.js';
export { NotificationSendError } from './send-error.js';
