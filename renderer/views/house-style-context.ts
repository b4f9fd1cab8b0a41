import { createContext, useContext } from 'react';
import { compileHouseStyle, type CompiledHouseStyle } from '../../shared/house-style';

const NONE = compileHouseStyle([]);

/** The newsroom's 표기 원칙, compiled once by the editor screen, for fields deep inside the body (photo captions). */
export const HouseStyleContext = createContext<CompiledHouseStyle>(NONE);

export function useHouseStyle(): CompiledHouseStyle {
  return useContext(HouseStyleContext);
}
