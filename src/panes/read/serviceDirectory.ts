/**
 * The read pane's way to the tracking service: colleagues' tokens resolve through it. Its own
 * chunk, imported by the entry only when settings name a service.
 */
import { createServiceDirectory } from "../../authority/service/directory";
import type { ActivityDirectory } from "../../authority/service/directory";
import { officeServiceClient } from "../../authority/service/officeServiceClient";

export function serviceDirectoryFor(serviceUrl: string): ActivityDirectory | null {
  const client = officeServiceClient(serviceUrl);
  return client === null ? null : createServiceDirectory(client);
}
