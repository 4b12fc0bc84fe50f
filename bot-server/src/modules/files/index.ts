/** The files module's public face for other modules: officers read a dossier's attachments through it. */
export { downloadFile, type FileDeps, type FileDownload } from "./service";
