/**
 * Platform file storage: what modules use to attach files to their records
 * (event evidence, a decree's scan…). Register GET /files/:id once with
 * registerFileRoutes; each module declares who may read its files with
 * registerAttachmentOwner.
 */
export { registerAttachmentOwner, mayReadAttachment, type AttachmentReader } from './attachment-owners.js';
export { storeAttachment, CAPTION_MAX, type StoreAttachmentInput } from './store-attachment.js';
export { deleteAttachment } from './delete-attachment.js';
export { listAttachments, countAttachments, findAttachment, readAttachment, type AttachmentMeta, type Attachment } from './files.repository.js';
export { validateUploads, EVIDENCE_FILES, SCAN_FILES, type UploadRules, type AcceptedUpload, type UploadCheck } from './validate-uploads.js';
export { sniffMediaType, typeOf, type FileCategory, type SniffedType } from './sniff.js';
export { formatBytes } from './files.messages.js';
export { AttachmentList, FileField, DeleteAttachmentForm, fileHref, fileTypeAndSize, acceptFor, type AttachmentListProps, type FileFieldProps, type DeleteAttachmentFormProps } from './files.views.js';
export { registerFileRoutes, contentDisposition } from './files.routes.js';
