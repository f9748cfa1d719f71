/** Every react-query key of the simulator page comes from here; no screen invents its own. */
export const simulatorKeys = {
  all: (projectId: string) => ["projects", projectId, "simulator"] as const,
  deliveries: (projectId: string, callEventIds: readonly string[]) =>
    [...simulatorKeys.all(projectId), "deliveries", [...callEventIds]] as const,
};
