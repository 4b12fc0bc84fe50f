/** The files module's public face for other modules: officers read a dossier's attachments through it. */
export { insertFile } from "./repo";
export {
  type CheckedUpload,
  checkUpload,
  downloadFile,
  type FileDeps,
  type FileDownload,
  MAX_FILE_BYTES,
} from "./service";
