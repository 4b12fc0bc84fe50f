import { useEffect, useState } from "react";

/**
 * The time now, moving on every `everyMs`: a countdown left open on a desk all morning must not stay
 * at "Còn 2 giờ" once the due time has passed.
 */
export function useNow(everyMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
