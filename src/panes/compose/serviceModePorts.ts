/**
 * The compose pane in service mode: the tracking service's client and authority. Its own chunk,
 * imported by createPorts only when settings name a service, so standalone panes never load it.
 */
import { createServiceModeAuthority } from "../../authority/service/serviceMode";
import type { ServiceModeOptions } from "../../authority/service/serviceMode";
import type { TokenAuthority } from "../../authority/standalone";
import { paneServiceClient } from "../../authority/service/paneServiceClient";

export function createServiceModeAuthorityFor(serviceUrl: string, options: Omit<ServiceModeOptions, "client">): TokenAuthority {
  return createServiceModeAuthority({ ...options, client: paneServiceClient(serviceUrl) });
}
