/**
 * The read pane's way to the tracking service: colleagues' tokens resolve through it. Its own
 * chunk, imported by the entry only when settings name a service.
 */
import { createServiceDirectory } from "../../authority/service/directory";
import type { ActivityDirectory } from "../../authority/service/directory";
import { paneServiceClient } from "../../authority/service/paneServiceClient";

export function serviceDirectoryFor(serviceUrl: string): ActivityDirectory {
  return createServiceDirectory(paneServiceClient(serviceUrl));
}
