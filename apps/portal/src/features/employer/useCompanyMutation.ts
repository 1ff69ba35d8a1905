import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/** After a change to the company: its page (and the slot form's lists) read it again. */
export function useRefreshCompany() {
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: ['employer'] }),
    [queryClient],
  );
}
